package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.BookingView;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeesTests {

    private static BookingView booking(int subtotal, int fee, int payout) {
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        return new BookingView(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                BookingStatus.PENDING,
                t,
                t.plusSeconds(8 * 3600),
                "usd",
                subtotal,
                fee,
                subtotal + fee,
                payout,
                "pending",
                null,
                null,
                null,
                null);
    }

    @Test
    void applicationFeeIsTheServiceFeePlusTheHostCommission() {
        // Decision 12's example: 8 h at 500/h, fee 10 % + 50 = 450, no commission
        assertThat(Fees.applicationFee(booking(4000, 450, 4000))).isEqualTo(450);
        // with a 15 % host commission the owner gets 3400, the platform 450 + 600
        assertThat(Fees.applicationFee(booking(4000, 450, 3400))).isEqualTo(1050);
    }

    @Test
    void theOwnerBearsARefundInProportionToTheirShare() {
        // total 4450, owner 4000: a full refund takes all of it back, a half refund half of it
        assertThat(Fees.ownerShareOfRefund(4450, 4450, 4000)).isEqualTo(4000);
        assertThat(Fees.ownerShareOfRefund(2225, 4450, 4000)).isEqualTo(2000);
        assertThat(Fees.ownerEarnings(4450, 4000, 2225)).isEqualTo(2000);
        assertThat(Fees.ownerEarnings(4450, 4000, 0)).isEqualTo(4000);
        assertThat(Fees.ownerEarnings(4450, 4000, 4450)).isZero();
        // 710 total, 600 owner, 355 refunded: 300 of it was the owner's
        assertThat(Fees.ownerShareOfRefund(355, 710, 600)).isEqualTo(300);
        assertThat(Fees.ownerShareOfRefund(1, 3, 1)).isZero(); // 0.33 rounds down
        assertThat(Fees.ownerShareOfRefund(3, 6, 1)).isOne(); // 0.5 rounds up
    }

    @Test
    void percentOfRoundsHalfUp() {
        assertThat(Fees.percentOf(4450, 50)).isEqualTo(2225);
        assertThat(Fees.percentOf(711, 50)).isEqualTo(356);
        assertThat(Fees.percentOf(0, 50)).isZero();
        assertThat(Fees.percentOf(999, 100)).isEqualTo(999);
    }

    @Test
    void theSharesAlwaysAddUpOnSeededRandomInputs() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            int total = 1 + random.nextInt(2_000_000);
            int payout = random.nextInt(total + 1);
            int refunded = random.nextInt(total + 1);
            long ownerPart = Fees.ownerShareOfRefund(refunded, total, payout);
            assertThat(ownerPart).isBetween(0L, Math.min(payout, (long) refunded));
            assertThat(Fees.ownerEarnings(total, payout, refunded) + ownerPart).isEqualTo(payout);
            assertThat(Fees.applicationFee(total, payout) + payout).isEqualTo(total);
        }
    }
}
