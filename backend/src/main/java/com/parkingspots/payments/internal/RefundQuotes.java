package com.parkingspots.payments.internal;

import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.BookingView;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What a cancellation now would give back (CONTRACT.md Decision 17), computed as the refund of that cancellation is:
 * per captured payment (the booking's and its extensions'), the policy's share of it, at most what remains of it.
 */
@Service
public class RefundQuotes {

    public record Quote(
            UUID bookingId,
            boolean cancellable,
            RefundPolicy.Tier tier,
            long refundAmount,
            long paidAmount,
            long alreadyRefunded,
            String currency,
            Instant fullRefundUntil,
            Instant partialRefundUntil,
            String policy,
            Instant asOf) {}

    private final Bookings bookings;
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final RefundPolicy policy;
    private final Clock clock;

    RefundQuotes(
            Bookings bookings,
            PaymentRepository payments,
            RefundRepository refunds,
            PaymentProperties properties,
            Clock clock) {
        this.bookings = bookings;
        this.payments = payments;
        this.refunds = refunds;
        this.policy = properties.refunds().policy();
        this.clock = clock;
    }

    /** The driver's or the owner's quote (an owner's cancellation is always refunded in full); admins see the driver's. */
    public Quote quote(Caller caller, UUID bookingId) {
        BookingView booking = bookings.find(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
        if (!caller.isAdmin() && !caller.is(booking.userId()) && !caller.is(booking.ownerId())) {
            throw ApiException.forbidden("Not authorized to view this booking");
        }
        Instant now = clock.instant();
        boolean cancellable = booking.status() == BookingStatus.PENDING || booking.status() == BookingStatus.CONFIRMED;
        boolean byDriver = !caller.is(booking.ownerId());
        long paid = 0;
        long refunded = 0;
        long due = 0;
        for (Payment payment : payments.allOfBooking(bookingId)) {
            if (!payment.captured()) {
                continue;
            }
            paid += payment.amount();
            int committed = refunds.committed(payment.id());
            refunded += committed;
            if (cancellable) {
                long share = policy.refundable(payment.amount(), booking.startTime(), now, byDriver);
                due += Math.max(0, Math.min(share, payment.amount() - committed));
            }
        }
        return new Quote(
                bookingId,
                cancellable,
                cancellable ? policy.tier(booking.startTime(), now, byDriver) : RefundPolicy.Tier.NONE,
                due,
                paid,
                refunded,
                booking.currency(),
                booking.startTime().minus(policy.fullBefore()),
                booking.startTime(),
                text(policy),
                now);
    }

    /** The policy in one sentence, as drivers read it before booking and before cancelling. */
    public static String text(RefundPolicy policy) {
        long minutes = policy.fullBefore().toMinutes();
        String before = minutes % 60 == 0
                ? (minutes / 60) + (minutes == 60 ? " hour" : " hours")
                : minutes + (minutes == 1 ? " minute" : " minutes");
        return "Free cancellation up to " + before + " before the start: everything is refunded. After that and until"
                + " the start, " + policy.partialPercent() + "% is refunded. No refund once the stay has started. If"
                + " the owner cancels, everything is refunded.";
    }
}
