package com.parkingspots.reviews;

import java.util.UUID;

/** The spot's owner answered a review (or replaced the answer). */
public record OwnerResponded(UUID reviewId, UUID spotId, UUID ownerId, UUID reviewerId) {}
