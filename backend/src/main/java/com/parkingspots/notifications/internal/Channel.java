package com.parkingspots.notifications.internal;

import java.util.Locale;

/** Where a notification goes. */
public enum Channel {
    EMAIL,
    PUSH,
    IN_APP;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
