package com.parkingspots.reviews;

import java.util.UUID;

/** A driver reviewed a stay (spec event {@code new_review}); {@code rating} is this review's overall rating. */
public record ReviewPublished(UUID reviewId, UUID spotId, UUID ownerId, UUID reviewerId, int rating) {}
