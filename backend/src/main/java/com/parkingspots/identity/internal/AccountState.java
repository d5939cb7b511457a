package com.parkingspots.identity.internal;

import com.parkingspots.shared.security.Role;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a user's access tokens grant right now: the role, whether the account is active, the token epoch. */
record AccountState(
        UUID id, Role role, boolean active, @Nullable Instant tokensValidAfter) {}
