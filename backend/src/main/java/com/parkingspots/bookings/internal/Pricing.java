package com.parkingspots.bookings.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The price of a stay (CONTRACT.md Decisions 11 and 12), as one pure function.
 *
 * <p>The subtotal is the cheapest way to cover the stay with blocks: 30-day blocks at the monthly rate (when set),
 * 24-hour blocks at the daily rate (when set), and the rest by the hour, pro rata to the minute (a started minute
 * counts). A block may cover more than what is left, which is what caps the hourly remainder at one daily rate (and a
 * run of days at one monthly rate); it also makes the price monotonic: a longer stay never costs less. Each block is
 * rounded to the cent, half up, once.
 *
 * <p>Fee = percent of the subtotal (half up) + a fixed amount; total = subtotal + fee; owner payout = subtotal − host
 * commission (percent, half up).
 */
public final class Pricing {

    static final long MINUTES_PER_DAY = 24 * 60;
    static final long MINUTES_PER_MONTH = 30 * MINUTES_PER_DAY;

    public record Rates(
            int hourly, @Nullable Integer daily, @Nullable Integer monthly) {
        public Rates {
            if (hourly <= 0 || daily != null && daily <= 0 || monthly != null && monthly <= 0) {
                throw new IllegalArgumentException("rates must be positive");
            }
        }
    }

    public record FeePolicy(BigDecimal percent, long fixedCents, BigDecimal hostCommissionPercent) {}

    public record Quote(long subtotal, long serviceFee, long total, long ownerPayout, double durationHours) {}

    private Pricing() {}

    public static Quote quote(Rates rates, Duration stay, FeePolicy fees) {
        if (stay.isNegative() || stay.isZero()) {
            throw new IllegalArgumentException("a stay must last some time");
        }
        long subtotal = subtotal(rates, stay);
        long fee = percentOf(subtotal, fees.percent()) + fees.fixedCents();
        long commission = percentOf(subtotal, fees.hostCommissionPercent());
        double hours = BigDecimal.valueOf(stay.toMillis())
                .divide(BigDecimal.valueOf(3_600_000), 2, RoundingMode.HALF_UP)
                .doubleValue();
        return new Quote(subtotal, fee, subtotal + fee, subtotal - commission, hours);
    }

    public static long subtotal(Rates rates, Duration stay) {
        long minutes = ceilDiv(stay.toSeconds() + (stay.toNanosPart() > 0 ? 1 : 0), 60);
        long best = Long.MAX_VALUE;
        long maxMonths = rates.monthly() == null ? 0 : ceilDiv(minutes, MINUTES_PER_MONTH);
        for (long months = 0; months <= maxMonths; months++) {
            long afterMonths = Math.max(0, minutes - months * MINUTES_PER_MONTH);
            long maxDays = rates.daily() == null ? 0 : ceilDiv(afterMonths, MINUTES_PER_DAY);
            for (long days = 0; days <= maxDays; days++) {
                long remainder = Math.max(0, afterMonths - days * MINUTES_PER_DAY);
                long cost = months * (rates.monthly() == null ? 0 : rates.monthly())
                        + days * (rates.daily() == null ? 0 : rates.daily())
                        + hourly(rates.hourly(), remainder);
                best = Math.min(best, cost);
            }
        }
        return best;
    }

    /** {@code rate × minutes / 60}, rounded half up, in exact integer arithmetic. */
    static long hourly(long ratePerHour, long minutes) {
        return Math.addExact(Math.multiplyExact(Math.multiplyExact(ratePerHour, minutes), 2), 60) / 120;
    }

    static long percentOf(long amount, BigDecimal percent) {
        return BigDecimal.valueOf(amount)
                .multiply(percent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static long ceilDiv(long a, long b) {
        return Math.ceilDiv(a, b);
    }
}
