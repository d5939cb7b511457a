package com.parkingspots.identity.internal;

import org.jspecify.annotations.Nullable;

/** Who an identity provider vouches for, after its token was verified. */
record ExternalIdentity(
        String provider,
        String subject,
        @Nullable String email,
        boolean emailVerified,
        @Nullable String name,
        @Nullable String picture) {}
