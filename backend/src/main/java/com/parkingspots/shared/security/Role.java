package com.parkingspots.shared.security;

import java.util.Locale;

/** What a user may do (spec 7.4): renters book, owners also list spots, admins also manage users. */
public enum Role {
    RENTER,
    OWNER,
    ADMIN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value();
    }
}
