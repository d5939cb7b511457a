package com.parkingspots.spots;

import java.time.Instant;
import java.util.UUID;

/**
 * What spots needs to know about bookings, fed by the bookings module inside its own transactions: which intervals of
 * a spot are taken (so search can exclude them), and how many stays were completed. Spots never depends on bookings.
 */
public interface SpotOccupancy {

    /** The interval {@code [start, end)} of the spot is held by this booking (pending, confirmed or in progress). */
    void occupy(UUID spotId, UUID bookingId, Instant start, Instant end);

    /** The booking no longer holds its interval (cancelled, expired, refunded). Idempotent. */
    void release(UUID bookingId);

    /** A stay at the spot was completed: counts towards {@code total_bookings}. */
    void recordCompletedStay(UUID spotId);
}
