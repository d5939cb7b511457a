package com.parkingspots.realtime.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code parkingspots.websocket.connections}: WebSocket connections open on this instance (signed in or not yet). */
@Component
class RealtimeMetrics {

    static final String CONNECTIONS = "parkingspots.websocket.connections";

    RealtimeMetrics(MeterRegistry registry, Fanout fanout) {
        Gauge.builder(CONNECTIONS, fanout, f -> f.connections().size())
                .description("Open WebSocket connections on this instance")
                .register(registry);
    }
}
