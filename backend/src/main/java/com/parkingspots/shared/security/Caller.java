package com.parkingspots.shared.security;

import java.util.UUID;

/**
 * The signed-in user making the request, as established from a valid access token. Declare it as a controller
 * parameter to require sign-in (401 otherwise), or as {@code Optional<Caller>} where sign-in is optional.
 */
public record Caller(UUID id, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean is(UUID userId) {
        return id.equals(userId);
    }
}
