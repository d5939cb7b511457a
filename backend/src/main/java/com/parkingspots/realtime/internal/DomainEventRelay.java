package com.parkingspots.realtime.internal;

import com.parkingspots.bookings.BookingCreated;
import com.parkingspots.bookings.BookingEvent;
import com.parkingspots.reviews.ReviewPublished;
import com.parkingspots.spots.SpotAvailabilityChanged;
import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns committed domain events into the spec's real-time events (section 3.8) and says who may receive each. Module
 * listeners run after the causing transaction commits, so a rolled-back change never produces an event.
 */
@Component
class DomainEventRelay {

    private final Fanout fanout;
    private final SpotCatalog spots;

    DomainEventRelay(Fanout fanout, SpotCatalog spots) {
        this.fanout = fanout;
        this.spots = spots;
    }

    @ApplicationModuleListener
    void on(BookingEvent event) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("booking_id", event.bookingId());
        update.put("status", event.status().value());
        if (event instanceof BookingCreated) {
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("booking_id", event.bookingId());
            created.put("spot_id", event.spotId());
            fanout.publish("new_booking", created, Set.of(event.ownerId()), null, null, null);
            fanout.publish("booking_update", update, Set.of(event.userId()), null, null, null);
        } else {
            fanout.publish(
                    "booking_update", update, Set.copyOf(List.of(event.userId(), event.ownerId())), null, null, null);
        }
    }

    @ApplicationModuleListener
    void on(ReviewPublished event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("review_id", event.reviewId());
        data.put("spot_id", event.spotId());
        data.put("rating", event.rating());
        SpotSnapshot spot = spots.find(event.spotId()).orElse(null);
        fanout.publish(
                "new_review",
                data,
                Set.of(event.ownerId()),
                event.spotId(),
                spot == null ? null : spot.latitude(),
                spot == null ? null : spot.longitude());
    }

    @ApplicationModuleListener
    void on(SpotAvailabilityChanged event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spot_id", event.spotId());
        data.put("is_available", event.isAvailable());
        fanout.publish(
                "spot_availability",
                data,
                Set.of(event.ownerId()),
                event.spotId(),
                event.latitude(),
                event.longitude());
    }
}
