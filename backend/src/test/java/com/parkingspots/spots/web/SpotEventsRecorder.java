package com.parkingspots.spots.web;

import com.parkingspots.spots.SpotAvailabilityChanged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records published spot events; a plain scanned component, so every test shares one application context. */
@Component
class SpotEventsRecorder {

    final List<SpotAvailabilityChanged> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SpotAvailabilityChanged event) {
        received.add(event);
    }
}
