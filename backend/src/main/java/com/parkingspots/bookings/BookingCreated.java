package com.parkingspots.bookings;

import java.util.UUID;

/** A booking was made (pending with online payment, confirmed with the offline provider). */
public record BookingCreated(
        UUID bookingId, UUID spotId, UUID userId, UUID ownerId, BookingStatus status, int totalAmount, String currency)
        implements BookingEvent {}
