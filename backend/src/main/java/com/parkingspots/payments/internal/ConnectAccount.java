package com.parkingspots.payments.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An owner's Stripe Express account and what Stripe last told us about it. */
public record ConnectAccount(
        UUID userId,
        String accountId,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        boolean detailsSubmitted,
        @Nullable Instant stateAt,
        Instant createdAt) {}
