package com.parkingspots.identity;

import com.parkingspots.shared.security.Role;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The public face of a user: what others may see (never email or phone). */
public record UserProfile(
        UUID id, String fullName, @Nullable String profileImage, Role role, boolean active) {}
