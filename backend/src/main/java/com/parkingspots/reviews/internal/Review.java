package com.parkingspots.reviews.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code reviews}. */
public record Review(
        UUID id,
        UUID bookingId,
        UUID spotId,
        UUID reviewerId,
        int overallRating,
        @Nullable Integer cleanlinessRating,
        @Nullable Integer accessibilityRating,
        @Nullable Integer accuracyRating,
        @Nullable Integer valueRating,
        @Nullable String title,
        @Nullable String comment,
        @Nullable String ownerResponse,
        @Nullable Instant ownerRespondedAt,
        int helpfulCount,
        Instant stayEndedAt,
        Instant createdAt,
        Instant updatedAt) {}
