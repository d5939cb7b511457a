package com.parkingspots.bookings.internal;

import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.BookingView;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The booking aggregate. Each transition knows who may make it and from which state (CONTRACT.md Decisions 14, 18,
 * 21), and returns the booking after it; it never changes anything else. Persisting it is the caller's job, under a
 * row lock, in one transaction.
 */
public record Booking(
        UUID id,
        UUID userId,
        UUID spotId,
        UUID ownerId,
        Instant startTime,
        Instant endTime,
        BookingStatus status,
        String currency,
        int subtotal,
        int serviceFee,
        int totalAmount,
        int ownerPayout,
        @Nullable String paymentIntentId,
        String paymentStatus,
        @Nullable String vehiclePlate,
        @Nullable String vehicleMake,
        @Nullable String vehicleModel,
        @Nullable String vehicleColor,
        @Nullable String specialRequests,
        @Nullable String cancellationReason,
        @Nullable UUID cancelledBy,
        @Nullable Instant cancelledAt,
        @Nullable Instant holdExpiresAt,
        @Nullable Instant checkedInAt,
        @Nullable Instant checkedOutAt,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isVisibleTo(Actor actor) {
        return actor.admin() || actor.is(userId) || actor.is(ownerId);
    }

    /** {@code pending → confirmed}, by the spot's owner or an admin (or the system once paid). */
    public Booking confirm(Actor actor, Instant now) {
        if (!(actor.isSystem() || actor.admin() || actor.is(ownerId))) {
            throw BookingRuleViolation.notAllowed("Only the owner can confirm bookings");
        }
        requireStatus(BookingStatus.PENDING, "Only pending bookings can be confirmed (this booking is " + status + ")");
        return with(BookingStatus.CONFIRMED, now);
    }

    /** Payment succeeded: {@code pending → confirmed}, {@code payment_status "paid"}. */
    public Booking confirmPaid(Instant now) {
        requireStatus(BookingStatus.PENDING, "Only pending bookings can be confirmed (this booking is " + status + ")");
        return copy(
                BookingStatus.CONFIRMED,
                paymentIntentId,
                "paid",
                cancellationReason,
                cancelledBy,
                cancelledAt,
                checkedInAt,
                checkedOutAt,
                now);
    }

    /** {@code pending|confirmed → cancelled}, by the driver or the spot's owner (or the system when a hold expires). */
    public Booking cancel(Actor actor, @Nullable String reason, Instant now) {
        if (!(actor.isSystem() || actor.is(userId) || actor.is(ownerId))) {
            throw BookingRuleViolation.notAllowed("Not authorized");
        }
        if (status != BookingStatus.PENDING && status != BookingStatus.CONFIRMED) {
            throw BookingRuleViolation.badTransition(
                    "Only pending or confirmed bookings can be cancelled (this booking is " + status + ")");
        }
        Booking cancelled = with(BookingStatus.CANCELLED, now);
        return new Booking(
                id,
                userId,
                spotId,
                ownerId,
                startTime,
                endTime,
                cancelled.status,
                currency,
                subtotal,
                serviceFee,
                totalAmount,
                ownerPayout,
                paymentIntentId,
                paymentStatus,
                vehiclePlate,
                vehicleMake,
                vehicleModel,
                vehicleColor,
                specialRequests,
                reason == null || reason.isBlank() ? null : reason.strip(),
                actor.userId(),
                now,
                holdExpiresAt,
                checkedInAt,
                checkedOutAt,
                createdAt,
                now);
    }

    /** Check-in by the driver, from {@code opensBefore} the start until the end: {@code confirmed → in_progress}. */
    public Booking checkIn(Actor actor, Instant now, Duration opensBefore) {
        if (!actor.is(userId)) {
            throw BookingRuleViolation.notAllowed("Not authorized");
        }
        requireStatus(BookingStatus.CONFIRMED, "Booking must be confirmed before check-in");
        if (now.isBefore(startTime.minus(opensBefore))) {
            throw BookingRuleViolation.badTransition(
                    "Check-in opens " + opensBefore.toMinutes() + " minutes before the start time");
        }
        if (!now.isBefore(endTime)) {
            throw BookingRuleViolation.badTransition("Booking has already ended");
        }
        return copy(
                BookingStatus.IN_PROGRESS,
                paymentIntentId,
                paymentStatus,
                cancellationReason,
                cancelledBy,
                cancelledAt,
                now,
                checkedOutAt,
                now);
    }

    /** The start time came: {@code confirmed → in_progress}; {@code checked_in_at} stays empty (nobody checked in). */
    public Booking autoStart(Instant now) {
        requireStatus(BookingStatus.CONFIRMED, "Only confirmed bookings start (this booking is " + status + ")");
        if (now.isBefore(startTime)) {
            throw BookingRuleViolation.badTransition("Booking has not started yet");
        }
        return with(BookingStatus.IN_PROGRESS, now);
    }

    /** Check-out by the driver: {@code in_progress → completed}. */
    public Booking checkOut(Actor actor, Instant now) {
        if (!actor.is(userId)) {
            throw BookingRuleViolation.notAllowed("Not authorized");
        }
        requireStatus(BookingStatus.IN_PROGRESS, "Must be checked in before checking out");
        return copy(
                BookingStatus.COMPLETED,
                paymentIntentId,
                paymentStatus,
                cancellationReason,
                cancelledBy,
                cancelledAt,
                checkedInAt,
                now,
                now);
    }

    /**
     * The end time came: {@code in_progress → completed} (also from {@code confirmed}, for a stay confirmed only after
     * its start); {@code checked_out_at} stays empty, so an unused stay is visible.
     */
    public Booking autoComplete(Instant now) {
        if (status != BookingStatus.IN_PROGRESS && status != BookingStatus.CONFIRMED) {
            throw BookingRuleViolation.badTransition("Only active bookings complete");
        }
        if (now.isBefore(endTime)) {
            throw BookingRuleViolation.badTransition("Booking has not ended yet");
        }
        return with(BookingStatus.COMPLETED, now);
    }

    /** {@code cancelled → refunded}. */
    public Booking refund(Instant now) {
        requireStatus(
                BookingStatus.CANCELLED, "Only cancelled bookings can be refunded (this booking is " + status + ")");
        return with(BookingStatus.REFUNDED, now);
    }

    public Booking withPaymentIntent(String intentId, Instant now) {
        return copy(
                status,
                intentId,
                paymentStatus,
                cancellationReason,
                cancelledBy,
                cancelledAt,
                checkedInAt,
                checkedOutAt,
                now);
    }

    public BookingView view() {
        return new BookingView(
                id,
                userId,
                spotId,
                ownerId,
                status,
                startTime,
                endTime,
                currency,
                subtotal,
                serviceFee,
                totalAmount,
                ownerPayout,
                paymentStatus,
                paymentIntentId,
                checkedOutAt,
                cancelledAt,
                cancelledBy);
    }

    private void requireStatus(BookingStatus required, String detail) {
        if (status != required) {
            throw BookingRuleViolation.badTransition(detail);
        }
    }

    private Booking with(BookingStatus next, Instant now) {
        return copy(
                next,
                paymentIntentId,
                paymentStatus,
                cancellationReason,
                cancelledBy,
                cancelledAt,
                checkedInAt,
                checkedOutAt,
                now);
    }

    /** This booking with the fields a transition may change; what was agreed (who, where, when, how much) never does. */
    private Booking copy(
            BookingStatus nextStatus,
            @Nullable String nextPaymentIntentId,
            String nextPaymentStatus,
            @Nullable String nextCancellationReason,
            @Nullable UUID nextCancelledBy,
            @Nullable Instant nextCancelledAt,
            @Nullable Instant nextCheckedInAt,
            @Nullable Instant nextCheckedOutAt,
            Instant nextUpdatedAt) {
        return new Booking(
                id,
                userId,
                spotId,
                ownerId,
                startTime,
                endTime,
                nextStatus,
                currency,
                subtotal,
                serviceFee,
                totalAmount,
                ownerPayout,
                nextPaymentIntentId,
                nextPaymentStatus,
                vehiclePlate,
                vehicleMake,
                vehicleModel,
                vehicleColor,
                specialRequests,
                nextCancellationReason,
                nextCancelledBy,
                nextCancelledAt,
                holdExpiresAt,
                nextCheckedInAt,
                nextCheckedOutAt,
                createdAt,
                nextUpdatedAt);
    }
}
