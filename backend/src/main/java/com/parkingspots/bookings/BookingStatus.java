package com.parkingspots.bookings;

import java.util.Locale;

/** CONTRACT.md Decision 14: {@code pending → confirmed → in_progress → completed}, {@code pending|confirmed → cancelled → refunded}. */
public enum BookingStatus {
    PENDING,
    CONFIRMED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
    REFUNDED;

    /** Statuses that hold the spot's interval (the exclusion constraint covers exactly these). */
    public boolean holdsSlot() {
        return this == PENDING || this == CONFIRMED || this == IN_PROGRESS;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BookingStatus fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value();
    }
}
