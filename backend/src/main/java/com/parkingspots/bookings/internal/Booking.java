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
        return withPayment(with(BookingStatus.CONFIRMED, now), "paid");
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
        return withTimes(with(BookingStatus.IN_PROGRESS, now), now, checkedOutAt);
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
        return withTimes(with(BookingStatus.COMPLETED, now), checkedInAt, now);
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
        return new Booking(
                id,
                userId,
                spotId,
                ownerId,
                startTime,
                endTime,
                status,
                currency,
                subtotal,
                serviceFee,
                totalAmount,
                ownerPayout,
                intentId,
                paymentStatus,
                vehiclePlate,
                vehicleMake,
                vehicleModel,
                vehicleColor,
                specialRequests,
                cancellationReason,
                cancelledBy,
                cancelledAt,
                holdExpiresAt,
                checkedInAt,
                checkedOutAt,
                createdAt,
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
        return new Booking(
                id,
                userId,
                spotId,
                ownerId,
                startTime,
                endTime,
                next,
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
                cancellationReason,
                cancelledBy,
                cancelledAt,
                holdExpiresAt,
                checkedInAt,
                checkedOutAt,
                createdAt,
                now);
    }

    private static Booking withPayment(Booking b, String paymentStatus) {
        return new Booking(
                b.id,
                b.userId,
                b.spotId,
                b.ownerId,
                b.startTime,
                b.endTime,
                b.status,
                b.currency,
                b.subtotal,
                b.serviceFee,
                b.totalAmount,
                b.ownerPayout,
                b.paymentIntentId,
                paymentStatus,
                b.vehiclePlate,
                b.vehicleMake,
                b.vehicleModel,
                b.vehicleColor,
                b.specialRequests,
                b.cancellationReason,
                b.cancelledBy,
                b.cancelledAt,
                b.holdExpiresAt,
                b.checkedInAt,
                b.checkedOutAt,
                b.createdAt,
                b.updatedAt);
    }

    private static Booking withTimes(Booking b, @Nullable Instant checkedIn, @Nullable Instant checkedOut) {
        return new Booking(
                b.id,
                b.userId,
                b.spotId,
                b.ownerId,
                b.startTime,
                b.endTime,
                b.status,
                b.currency,
                b.subtotal,
                b.serviceFee,
                b.totalAmount,
                b.ownerPayout,
                b.paymentIntentId,
                b.paymentStatus,
                b.vehiclePlate,
                b.vehicleMake,
                b.vehicleModel,
                b.vehicleColor,
                b.specialRequests,
                b.cancellationReason,
                b.cancelledBy,
                b.cancelledAt,
                b.holdExpiresAt,
                checkedIn,
                checkedOut,
                b.createdAt,
                b.updatedAt);
    }
}
