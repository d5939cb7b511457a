package com.parkingspots.bookings.internal;

import com.parkingspots.shared.security.Caller;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Who makes a change: a signed-in user (maybe an admin) or the system (lifecycle jobs, payments). */
public record Actor(@Nullable UUID userId, boolean admin) {

    public static final Actor SYSTEM = new Actor(null, false);

    public static Actor of(Caller caller) {
        return new Actor(caller.id(), caller.isAdmin());
    }

    public boolean isSystem() {
        return userId == null;
    }

    public boolean is(UUID id) {
        return id.equals(userId);
    }

    String label() {
        return userId == null ? "system" : (admin ? "admin:" : "user:") + userId;
    }
}
