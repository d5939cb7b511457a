package com.parkingspots.identity.internal;

import com.parkingspots.shared.security.Role;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code users}. {@code tokensValidAfter} is the token epoch: tokens issued at or before it are refused. */
public record User(
        UUID id,
        String email,
        @Nullable String hashedPassword,
        String fullName,
        @Nullable String phoneNumber,
        Role role,
        boolean active,
        boolean verified,
        @Nullable String profileImage,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String oauthProvider,
        @Nullable String oauthId,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant tokensValidAfter) {

    public boolean hasPassword() {
        return hashedPassword != null && !hashedPassword.isEmpty();
    }
}
