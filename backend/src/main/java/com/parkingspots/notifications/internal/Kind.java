package com.parkingspots.notifications.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a notification is about; preferences are kept per kind and channel. */
public enum Kind {
    BOOKING_CONFIRMED,
    NEW_BOOKING,
    BOOKING_CANCELLED,
    SPOT_BOOKING_CANCELLED,
    REFUND_ISSUED,
    BOOKING_EXTENDED,
    STARTS_SOON,
    ENDS_SOON,
    REVIEW_REMINDER,
    NEW_REVIEW,
    OWNER_RESPONSE,
    PAYOUT_RECORDED,
    NEW_MESSAGE,
    /** Verification and password-reset emails: always sent, never in the inbox, no preference. */
    ACCOUNT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean configurable() {
        return this != ACCOUNT;
    }

    public static Optional<Kind> parse(String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.configurable() && kind.value().equals(value))
                .findFirst();
    }
}
