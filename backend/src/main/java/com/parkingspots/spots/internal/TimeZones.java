package com.parkingspots.spots.internal;

import java.time.ZoneId;
import java.util.Set;

/** IANA region names (e.g. {@code Europe/Athens}, {@code UTC}); offsets like {@code +02:00} are not time zones. */
final class TimeZones {

    private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();

    private TimeZones() {}

    static boolean isValid(String name) {
        return KNOWN.contains(name);
    }
}
