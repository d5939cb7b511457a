package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Decision 17 at its boundaries: full until 1 h before the start (or by the owner), 50 % until the start, then 0. */
class RefundPolicyTests {

    private static final RefundPolicy POLICY = new RefundPolicy(Duration.ofMinutes(60), 50);
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    static Stream<Arguments> driverCancellations() {
        return Stream.of(
                Arguments.of("a day before", Duration.ofDays(-1), 4450, RefundPolicy.Tier.FULL),
                Arguments.of("exactly 60 min before", Duration.ofMinutes(-60), 4450, RefundPolicy.Tier.FULL),
                Arguments.of("59:59 before", Duration.ofSeconds(-3599), 2225, RefundPolicy.Tier.PARTIAL),
                Arguments.of("1 s before", Duration.ofSeconds(-1), 2225, RefundPolicy.Tier.PARTIAL),
                Arguments.of("at the start", Duration.ZERO, 0, RefundPolicy.Tier.NONE),
                Arguments.of("after the start", Duration.ofMinutes(5), 0, RefundPolicy.Tier.NONE));
    }

    @ParameterizedTest(name = "driver cancels {0}: {2}")
    @MethodSource("driverCancellations")
    void driverCancellationsFollowThePolicy(String when, Duration offset, long refund, RefundPolicy.Tier tier) {
        Instant cancelledAt = START.plus(offset);
        assertThat(POLICY.tier(START, cancelledAt, true)).isEqualTo(tier);
        assertThat(POLICY.refundable(4450, START, cancelledAt, true)).isEqualTo(refund);
    }

    @Test
    void ownerAndSystemCancellationsAlwaysRefundEverything() {
        for (Duration offset : new Duration[] {Duration.ofDays(-3), Duration.ofMinutes(-30), Duration.ofMinutes(10)}) {
            assertThat(POLICY.refundable(4450, START, START.plus(offset), false))
                    .isEqualTo(4450);
        }
    }

    @Test
    void partialRefundRoundsHalfUpToTheCent() {
        assertThat(POLICY.refundable(711, START, START.minusSeconds(60), true)).isEqualTo(356);
        assertThat(POLICY.refundable(710, START, START.minusSeconds(60), true)).isEqualTo(355);
        RefundPolicy third = new RefundPolicy(Duration.ofMinutes(60), 33);
        assertThat(third.refundable(1000, START, START.minusSeconds(60), true)).isEqualTo(330);
        assertThat(third.refundable(1015, START, START.minusSeconds(60), true)).isEqualTo(335); // 334.95
    }

    @Test
    void isConfigurable() {
        RefundPolicy strict = new RefundPolicy(Duration.ofHours(24), 0);
        assertThat(strict.refundable(1000, START, START.minus(Duration.ofHours(25)), true))
                .isEqualTo(1000);
        assertThat(strict.refundable(1000, START, START.minus(Duration.ofHours(23)), true))
                .isZero();
        assertThatThrownBy(() -> new RefundPolicy(Duration.ofMinutes(60), 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefundIsNeverMoreThanPaidAndNeverGrowsLaterOnSeededRandomInputs() {
        Random random = new Random(17);
        for (int i = 0; i < 2_000; i++) {
            long paid = random.nextInt(1_000_000);
            RefundPolicy policy =
                    new RefundPolicy(Duration.ofMinutes(random.nextInt(3 * 24 * 60)), random.nextInt(101));
            Instant earlier = START.minusSeconds(random.nextInt(4 * 24 * 3600)).plusSeconds(random.nextInt(3600));
            Instant later = earlier.plusSeconds(random.nextInt(24 * 3600));
            long first = policy.refundable(paid, START, earlier, true);
            long second = policy.refundable(paid, START, later, true);
            assertThat(first).isBetween(0L, paid);
            assertThat(second).isLessThanOrEqualTo(first);
        }
    }
}
