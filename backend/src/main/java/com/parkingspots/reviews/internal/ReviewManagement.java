package com.parkingspots.reviews.internal;

import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.BookingView;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.reviews.OwnerResponded;
import com.parkingspots.reviews.ReviewPublished;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.shared.web.PartialUpdate;
import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotRatings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review use cases. The spot's {@code average_rating} and {@code total_reviews} are recomputed from the reviews table
 * in the same transaction as every create, rating change and delete, under the spot's rating lock, so concurrent
 * reviews of one spot cannot lose an update.
 */
@Service
public class ReviewManagement {

    public static final int MAX_TEXT = 5000;

    public record NewReview(
            UUID bookingId,
            int overallRating,
            @Nullable Integer cleanlinessRating,
            @Nullable Integer accessibilityRating,
            @Nullable Integer accuracyRating,
            @Nullable Integer valueRating,
            @Nullable String title,
            @Nullable String comment) {}

    private final ReviewRepository reviews;
    private final Bookings bookings;
    private final SpotCatalog spots;
    private final SpotRatings ratings;
    private final ReviewProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewManagement(
            ReviewRepository reviews,
            Bookings bookings,
            SpotCatalog spots,
            SpotRatings ratings,
            ReviewProperties properties,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.reviews = reviews;
        this.bookings = bookings;
        this.spots = spots;
        this.ratings = ratings;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public Review create(Caller caller, NewReview request) {
        BookingView booking =
                bookings.find(request.bookingId()).orElseThrow(() -> ApiException.notFound("Booking not found"));
        if (!caller.is(booking.userId())) {
            throw ApiException.forbidden("You can only review your own bookings");
        }
        if (caller.is(booking.ownerId())) {
            // an owner booking their own spot could otherwise rate it
            throw ApiException.forbidden("You cannot review your own parking spot");
        }
        if (booking.status() != BookingStatus.COMPLETED) {
            throw ApiException.badRequest("Can only review completed bookings");
        }
        Instant now = clock.instant();
        Instant stayEnded =
                booking.checkedOutAt() != null && booking.checkedOutAt().isBefore(booking.endTime())
                        ? booking.checkedOutAt()
                        : booking.endTime();
        Review review = new Review(
                UUID.randomUUID(),
                booking.id(),
                booking.spotId(),
                caller.id(),
                request.overallRating(),
                request.cleanlinessRating(),
                request.accessibilityRating(),
                request.accuracyRating(),
                request.valueRating(),
                request.title(),
                request.comment(),
                null,
                null,
                0,
                stayEnded,
                now,
                now);
        try {
            return transactions.execute(status -> {
                ratings.lockForUpdate(booking.spotId());
                reviews.insert(review);
                recompute(booking.spotId());
                events.publishEvent(new ReviewPublished(
                        review.id(), booking.spotId(), booking.ownerId(), caller.id(), review.overallRating()));
                return reviews.find(review.id()).orElseThrow();
            });
        } catch (DuplicateKeyException alreadyReviewed) {
            throw ApiException.badRequest("Booking already has a review");
        }
    }

    /** Reviews of the caller's own spots, awaiting a response first; nobody sees another owner's. */
    public ReviewRepository.Page ofMySpots(Caller caller, boolean awaitingOnly, int page, int pageSize) {
        return reviews.ofSpots(spots.spotIdsOwnedBy(caller.id()), awaitingOnly, page, pageSize);
    }

    public Review get(UUID reviewId) {
        return reviews.find(reviewId).orElseThrow(() -> ApiException.notFound("Review not found"));
    }

    public Review update(Caller caller, UUID reviewId, PartialUpdate update) {
        Map<String, @Nullable Object> columns = new LinkedHashMap<>();
        update.integer("overall_rating", 1, 5, false).ifPresent(f -> columns.put("overall_rating", f.value()));
        for (String sub :
                new String[] {"cleanliness_rating", "accessibility_rating", "accuracy_rating", "value_rating"}) {
            update.integer(sub, 1, 5, true).ifPresent(f -> columns.put(sub, f.value()));
        }
        update.string("title", 0, 255, true).ifPresent(f -> columns.put("title", f.value()));
        update.string("comment", 0, MAX_TEXT, true).ifPresent(f -> columns.put("comment", f.value()));
        update.validate();
        return transactions.execute(status -> {
            Review review = reviews.find(reviewId).orElseThrow(() -> ApiException.notFound("Review not found"));
            if (!caller.is(review.reviewerId())) {
                throw ApiException.forbidden("Not authorized to update this review");
            }
            requireWithinEditWindow(review);
            ratings.lockForUpdate(review.spotId());
            reviews.update(reviewId, columns, clock.instant());
            recompute(review.spotId());
            return reviews.find(reviewId).orElseThrow();
        });
    }

    public void delete(Caller caller, UUID reviewId) {
        transactions.executeWithoutResult(status -> {
            Review review = reviews.find(reviewId).orElseThrow(() -> ApiException.notFound("Review not found"));
            if (!caller.isAdmin()) {
                if (!caller.is(review.reviewerId())) {
                    throw ApiException.forbidden("Not authorized to delete this review");
                }
                requireWithinEditWindow(review);
            }
            ratings.lockForUpdate(review.spotId());
            reviews.delete(reviewId);
            recompute(review.spotId());
        });
    }

    /** The spot's owner answers (once; answering again replaces the answer). */
    public Review respond(Caller caller, UUID reviewId, String response) {
        return transactions.execute(status -> {
            Review review = reviews.lock(reviewId).orElseThrow(() -> ApiException.notFound("Review not found"));
            UUID owner = spots.find(review.spotId()).map(s -> s.ownerId()).orElse(null);
            if (!caller.is(owner)) {
                throw ApiException.forbidden("Only the owner can respond to reviews");
            }
            Instant now = clock.instant();
            Map<String, @Nullable Object> columns = new LinkedHashMap<>();
            columns.put("owner_response", response);
            columns.put("owner_responded_at", java.sql.Timestamp.from(now));
            reviews.update(reviewId, columns, now);
            events.publishEvent(new OwnerResponded(review.id(), review.spotId(), caller.id(), review.reviewerId()));
            return reviews.find(reviewId).orElseThrow();
        });
    }

    /** One helpful vote per user; not on one's own review. Returns the new count. */
    public int markHelpful(Caller caller, UUID reviewId) {
        return transactions.execute(status -> {
            Review review = reviews.find(reviewId).orElseThrow(() -> ApiException.notFound("Review not found"));
            if (caller.is(review.reviewerId())) {
                throw ApiException.badRequest("You cannot mark your own review as helpful");
            }
            if (!reviews.addVote(reviewId, caller.id(), clock.instant())) {
                throw ApiException.conflict("You have already marked this review as helpful");
            }
            return reviews.helpfulCount(reviewId);
        });
    }

    /** Takes the caller's vote back (idempotent). Returns the new count. */
    public int unmarkHelpful(Caller caller, UUID reviewId) {
        return transactions.execute(status -> {
            reviews.find(reviewId).orElseThrow(() -> ApiException.notFound("Review not found"));
            reviews.removeVote(reviewId, caller.id());
            return reviews.helpfulCount(reviewId);
        });
    }

    private void requireWithinEditWindow(Review review) {
        if (clock.instant().isAfter(review.stayEndedAt().plus(properties.editWindow()))) {
            throw ApiException.badRequest("Reviews can only be changed within "
                    + properties.editWindow().toDays() + " days after the stay");
        }
    }

    private void recompute(UUID spotId) {
        double[] aggregate = reviews.aggregate(spotId);
        double average = BigDecimal.valueOf(aggregate[0])
                .setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
        ratings.record(spotId, average, (int) aggregate[1]);
    }
}
