package com.parkingspots.identity;

import java.util.Optional;
import java.util.UUID;

/** A driver's saved vehicles, as other modules read them (bookings fills a booking's vehicle from one). */
public interface Vehicles {

    /** The vehicle, if it exists and belongs to this user. */
    Optional<Vehicle> find(UUID userId, UUID vehicleId);
}
