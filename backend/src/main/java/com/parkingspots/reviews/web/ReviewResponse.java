package com.parkingspots.reviews.web;

import com.parkingspots.identity.UserProfile;
import com.parkingspots.reviews.internal.Review;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * CONTRACT.md 2.9 ({@code Review}) with the reviewer as {@code ReviewWithUser} adds it: {@code reviewer_name},
 * {@code reviewer_image}, and the nested {@code reviewer} the web client reads (Decision 7).
 */
record ReviewResponse(
        UUID id,
        UUID bookingId,
        UUID parkingSpotId,
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
        Instant createdAt,
        Instant updatedAt,
        String reviewerName,
        @Nullable String reviewerImage,
        Reviewer reviewer,
        @Nullable String parkingSpotTitle) {

    record Reviewer(String fullName, @Nullable String profileImage) {}

    static ReviewResponse of(Review r, @Nullable UserProfile reviewer) {
        return of(r, reviewer, null);
    }

    /** With the spot's title, for an owner's list of reviews across their spots. */
    static ReviewResponse of(Review r, @Nullable UserProfile reviewer, @Nullable String spotTitle) {
        String name = reviewer == null ? "Former user" : reviewer.fullName();
        String image = reviewer == null ? null : reviewer.profileImage();
        return new ReviewResponse(
                r.id(),
                r.bookingId(),
                r.spotId(),
                r.reviewerId(),
                r.overallRating(),
                r.cleanlinessRating(),
                r.accessibilityRating(),
                r.accuracyRating(),
                r.valueRating(),
                r.title(),
                r.comment(),
                r.ownerResponse(),
                r.ownerRespondedAt(),
                r.helpfulCount(),
                r.createdAt(),
                r.updatedAt(),
                name,
                image,
                new Reviewer(name, image),
                spotTitle);
    }
}
