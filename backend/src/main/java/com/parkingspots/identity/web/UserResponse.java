package com.parkingspots.identity.web;

import com.parkingspots.identity.internal.User;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** CONTRACT.md 2.1: the account as its owner sees it. */
record UserResponse(
        UUID id,
        String email,
        String fullName,
        @Nullable String phoneNumber,
        String role,
        boolean isActive,
        boolean isVerified,
        @Nullable String profileImage,
        @Nullable Double latitude,
        @Nullable Double longitude,
        Instant createdAt) {

    static UserResponse of(User user) {
        return new UserResponse(
                user.id(),
                user.email(),
                user.fullName(),
                user.phoneNumber(),
                user.role().value(),
                user.active(),
                user.verified(),
                user.profileImage(),
                user.latitude(),
                user.longitude(),
                user.createdAt());
    }
}
