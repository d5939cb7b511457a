package com.parkingspots.identity.web;

import com.parkingspots.identity.internal.User;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** CONTRACT.md Decision 10: what anyone may see of a user — never email or phone. */
record PublicUserResponse(
        UUID id, String fullName, @Nullable String profileImage, String role, Instant createdAt) {

    static PublicUserResponse of(User user) {
        return new PublicUserResponse(
                user.id(), user.fullName(), user.profileImage(), user.role().value(), user.createdAt());
    }
}
