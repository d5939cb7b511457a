package com.parkingspots.bookings.web;

import com.parkingspots.bookings.internal.Booking;
import com.parkingspots.bookings.internal.Extension;
import com.parkingspots.spots.SpotSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * CONTRACT.md 2.6 (plus {@code currency}, {@code subtotal} and the spot's {@code state} alias, Decisions 6 and 7), and
 * when check-in opens and the extension waiting for payment, if any (ADR 0011).
 */
record BookingResponse(
        UUID id,
        UUID userId,
        UUID parkingSpotId,
        Instant startTime,
        Instant endTime,
        String status,
        int totalAmount,
        int subtotal,
        int serviceFee,
        int ownerPayout,
        String currency,
        @Nullable String paymentIntentId,
        String paymentStatus,
        @Nullable String vehiclePlate,
        @Nullable String vehicleMake,
        @Nullable String vehicleModel,
        @Nullable String vehicleColor,
        @Nullable String specialRequests,
        @Nullable String cancellationReason,
        @Nullable Instant checkedInAt,
        @Nullable Instant checkedOutAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable SpotInBooking parkingSpot,
        Instant checkInOpensAt,
        @Nullable PendingExtension pendingExtension,
        @Nullable String driverName) {

    /** An extension asked for and waiting for its payment (Stripe): the extra time is held until {@code hold_expires_at}. */
    record PendingExtension(
            UUID id,
            Instant newEndTime,
            int totalAmount,
            String currency,
            @Nullable Instant holdExpiresAt) {

        static @Nullable PendingExtension of(@Nullable Extension e) {
            return e == null
                    ? null
                    : new PendingExtension(e.id(), e.newEndTime(), e.totalAmount(), e.currency(), e.holdExpiresAt());
        }
    }

    /** CONTRACT.md 2.5, plus what a driver needs to find and enter the spot. */
    record SpotInBooking(
            UUID id,
            String title,
            String address,
            String city,
            String state,
            String prefecture,
            double latitude,
            double longitude,
            String timeZone,
            @Nullable String accessInstructions) {

        static SpotInBooking of(SpotSnapshot spot) {
            return new SpotInBooking(
                    spot.id(),
                    spot.title(),
                    spot.address(),
                    spot.city(),
                    spot.state(),
                    spot.state(),
                    spot.latitude(),
                    spot.longitude(),
                    spot.timeZone().getId(),
                    spot.accessInstructions());
        }
    }

    static BookingResponse of(
            Booking b, @Nullable SpotSnapshot spot, Duration checkInOpensBefore, @Nullable Extension pending) {
        return of(b, spot, checkInOpensBefore, pending, null);
    }

    /** With the driver's display name (never their email or phone), for the owner of the spot. */
    static BookingResponse of(
            Booking b,
            @Nullable SpotSnapshot spot,
            Duration checkInOpensBefore,
            @Nullable Extension pending,
            @Nullable String driverName) {
        return new BookingResponse(
                b.id(),
                b.userId(),
                b.spotId(),
                b.startTime(),
                b.endTime(),
                b.status().value(),
                b.totalAmount(),
                b.subtotal(),
                b.serviceFee(),
                b.ownerPayout(),
                b.currency(),
                b.paymentIntentId(),
                b.paymentStatus(),
                b.vehiclePlate(),
                b.vehicleMake(),
                b.vehicleModel(),
                b.vehicleColor(),
                b.specialRequests(),
                b.cancellationReason(),
                b.checkedInAt(),
                b.checkedOutAt(),
                b.createdAt(),
                b.updatedAt(),
                spot == null ? null : SpotInBooking.of(spot),
                b.startTime().minus(checkInOpensBefore),
                PendingExtension.of(pending),
                driverName);
    }
}
