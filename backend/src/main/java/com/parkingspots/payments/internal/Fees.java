package com.parkingspots.payments.internal;

import com.parkingspots.bookings.BookingView;

/**
 * The money split of a booking's payment. The driver pays {@code total}; the owner's share is the booking's
 * {@code owner_payout} (subtotal − host commission); the platform keeps the rest ({@code application_fee_amount} of the
 * destination charge = service fee + host commission). A refund comes out of both shares in proportion (Stripe reverses
 * the transfer pro rata with {@code reverse_transfer}), so the owner's part of a refund is {@code refund × payout /
 * total}, half up.
 */
public final class Fees {

    private Fees() {}

    public static long applicationFee(BookingView booking) {
        return applicationFee(booking.totalAmount(), booking.ownerPayout());
    }

    public static long applicationFee(long total, long ownerPayout) {
        if (ownerPayout > total || ownerPayout < 0) {
            throw new IllegalArgumentException("owner payout must be between 0 and the total");
        }
        return total - ownerPayout;
    }

    /** The owner's part of {@code refunded} out of a payment of {@code total} of which {@code ownerPayout} was theirs. */
    public static long ownerShareOfRefund(long refunded, long total, long ownerPayout) {
        if (total == 0) {
            return 0;
        }
        return Math.min(ownerPayout, divideHalfUp(Math.multiplyExact(refunded, ownerPayout), total));
    }

    /** What the owner finally earns from a payment after refunds. */
    public static long ownerEarnings(long total, long ownerPayout, long refunded) {
        return Math.max(0, ownerPayout - ownerShareOfRefund(refunded, total, ownerPayout));
    }

    /** {@code amount × percent / 100}, half up. */
    public static long percentOf(long amount, int percent) {
        return divideHalfUp(Math.multiplyExact(amount, percent), 100);
    }

    private static long divideHalfUp(long numerator, long denominator) {
        return Math.floorDiv(
                Math.addExact(Math.multiplyExact(numerator, 2), denominator), Math.multiplyExact(2, denominator));
    }
}
