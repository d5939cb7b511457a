package com.parkingspots.realtime.internal;

import com.parkingspots.bookings.BookingCreated;
import com.parkingspots.bookings.BookingEvent;
import com.parkingspots.reviews.ReviewPublished;
import com.parkingspots.shared.config.AsyncListener;
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
 * listeners run after the causing transaction commits, so a rolled-back change never produces an event. They run on the
 * bounded listener pool ({@link AsyncListener}), not on the committing request's thread: there the request still holds
 * its connection while the registry's marks need another, and 20 concurrent commits took the whole pool waiting for a
 * 21st (ADR 0014). Frames are signals that make clients read again, so pool threads reordering two frames of one
 * booking within milliseconds is harmless.
 */
@Component
class DomainEventRelay {

    private final Fanout fanout;
    private final SpotCatalog spots;

    DomainEventRelay(Fanout fanout, SpotCatalog spots) {
        this.fanout = fanout;
        this.spots = spots;
    }

    @AsyncListener
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

    @AsyncListener
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

    @AsyncListener
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
