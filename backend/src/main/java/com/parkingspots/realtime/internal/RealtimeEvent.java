package com.parkingspots.realtime.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event as it travels between instances: the client frame ({@code type}, {@code data}, {@code at}, {@code seq}) and
 * who may receive it. {@code users} always receive it; when {@code spotId} is set (availability, reviews: public facts
 * about a spot), so do connections subscribed to that spot or to an area containing {@code latitude, longitude}.
 */
record RealtimeEvent(
        long seq,
        String type,
        Map<String, Object> data,
        String at,
        Set<UUID> users,
        @Nullable UUID spotId,
        @Nullable Double latitude,
        @Nullable Double longitude) {

    boolean publicAboutSpot() {
        return spotId != null;
    }
}
