package com.parkingspots.payments.internal;

import com.parkingspots.bookings.BookingCompleted;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The owners' earnings ledger. A completed, paid booking earns its owner the booking's payout minus the owner's part
 * of any refund. With a Stripe destination charge the money reached the owner's Connect account with the charge, so
 * the row is {@code paid} at once; offline the driver paid the owner directly, so it is {@code paid} too; a Stripe
 * charge without a Connect account stayed on the platform account: {@code pending} until the platform pays the owner.
 */
@Service
public class PayoutLedger {

    private static final Logger log = LoggerFactory.getLogger(PayoutLedger.class);

    private final PayoutRepository payouts;
    private final PaymentRepository payments;
    private final Checkout checkout;
    private final Clock clock;

    PayoutLedger(PayoutRepository payouts, PaymentRepository payments, Checkout checkout, Clock clock) {
        this.payouts = payouts;
        this.payments = payments;
        this.checkout = checkout;
        this.clock = clock;
    }

    void recordCompletion(BookingCompleted completed) {
        Payment payment = checkout.recordOfflinePayment(completed.bookingId())
                .or(() -> payments.byBooking(completed.bookingId()))
                .orElse(null);
        if (payment == null || !payment.captured()) {
            log.info("Booking {} completed without a captured payment: no payout recorded", completed.bookingId());
            return;
        }
        Instant now = clock.instant();
        boolean settled = PaymentProvider.OFFLINE.equals(payment.provider()) || payment.destinationAccount() != null;
        payouts.insert(new Payout(
                UUID.randomUUID(),
                payment.ownerId(),
                payment.bookingId(),
                payment.id(),
                Math.toIntExact(earnings(completed.bookingId())),
                payment.currency(),
                settled ? Payout.PAID : Payout.PENDING,
                settled ? now : null,
                now));
    }

    /** What the owner earns from every captured payment of the booking (its own and its extensions'), after refunds. */
    long earnings(UUID bookingId) {
        return payments.allOfBooking(bookingId).stream()
                .filter(Payment::captured)
                .mapToLong(p -> Fees.ownerEarnings(p.amount(), p.ownerPayout(), p.refundedAmount()))
                .sum();
    }

    public List<Payout> of(UUID ownerId) {
        return payouts.byOwner(ownerId);
    }

    public Payout.Summary summary(UUID ownerId) {
        Instant monthStart = YearMonth.now(clock.withZone(ZoneOffset.UTC))
                .atDay(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        return payouts.summary(ownerId, monthStart);
    }
}
