package com.parkingspots.reviews.web;

import com.parkingspots.identity.UserAccounts;
import com.parkingspots.identity.UserProfile;
import com.parkingspots.reviews.internal.Review;
import com.parkingspots.reviews.internal.ReviewManagement;
import com.parkingspots.reviews.internal.ReviewRepository;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.NotFoundDetail;
import com.parkingspots.shared.web.PartialUpdate;
import com.parkingspots.shared.web.RequestValidationException;
import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotSnapshot;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** CONTRACT.md 3.6 and 3.9: reviews of completed stays, owner responses, helpful votes, summaries. */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewsController {

    record CreateRequest(
            @NotNull UUID bookingId,
            @NotNull @Min(1) @Max(5) Integer overallRating,
            @Min(1) @Max(5) @Nullable Integer cleanlinessRating,
            @Min(1) @Max(5) @Nullable Integer accessibilityRating,
            @Min(1) @Max(5) @Nullable Integer accuracyRating,
            @Min(1) @Max(5) @Nullable Integer valueRating,
            @Size(max = 255) @Nullable String title,
            @Size(max = ReviewManagement.MAX_TEXT) @Nullable String comment) {}

    record ResponseRequest(
            @NotNull @Size(min = 1, max = ReviewManagement.MAX_TEXT)
            String response) {}

    private final ReviewManagement reviews;
    private final ReviewRepository repository;
    private final UserAccounts users;
    private final SpotCatalog spots;

    ReviewsController(ReviewManagement reviews, ReviewRepository repository, UserAccounts users, SpotCatalog spots) {
        this.reviews = reviews;
        this.repository = repository;
        this.users = users;
        this.spots = spots;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReviewResponse create(Caller caller, @Valid @RequestBody CreateRequest request) {
        Review review = reviews.create(
                caller,
                new ReviewManagement.NewReview(
                        request.bookingId(),
                        request.overallRating(),
                        request.cleanlinessRating(),
                        request.accessibilityRating(),
                        request.accuracyRating(),
                        request.valueRating(),
                        request.title(),
                        request.comment()));
        return respond(review);
    }

    @GetMapping({"/spot/{spotId}", "/parking-spot/{spotId}"})
    List<ReviewResponse> bySpot(
            @PathVariable @NotFoundDetail("Parking spot not found") UUID spotId,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize,
            @RequestParam(defaultValue = "newest") String sort) {
        List<Review> list = repository.bySpot(spotId, sort(sort), page, pageSize);
        Map<UUID, UserProfile> reviewers =
                users.profiles(list.stream().map(Review::reviewerId).toList());
        return list.stream()
                .map(r -> ReviewResponse.of(r, reviewers.get(r.reviewerId())))
                .toList();
    }

    /**
     * Reviews of the caller's spots, those awaiting the owner's response first (only those with
     * {@code awaiting_response=true}), each with {@code parking_spot_title}; the number of matches in
     * {@code X-Total-Count}.
     */
    @GetMapping("/owner")
    ResponseEntity<List<ReviewResponse>> onMySpots(
            Caller caller,
            @RequestParam(name = "awaiting_response", defaultValue = "false") boolean awaitingResponse,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        ReviewRepository.Page found = reviews.ofMySpots(caller, awaitingResponse, page, pageSize);
        Map<UUID, UserProfile> reviewers =
                users.profiles(found.reviews().stream().map(Review::reviewerId).toList());
        Map<UUID, SpotSnapshot> byId =
                spots.findAll(found.reviews().stream().map(Review::spotId).collect(Collectors.toSet()));
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(found.total()))
                .body(found.reviews().stream()
                        .map(r -> {
                            SpotSnapshot spot = byId.get(r.spotId());
                            return ReviewResponse.of(
                                    r, reviewers.get(r.reviewerId()), spot == null ? null : spot.title());
                        })
                        .toList());
    }

    @GetMapping("/spot/{spotId}/summary")
    ReviewRepository.Summary summary(@PathVariable @NotFoundDetail("Parking spot not found") UUID spotId) {
        return repository.summary(spotId);
    }

    @GetMapping("/{reviewId}")
    ReviewResponse get(@PathVariable @NotFoundDetail("Review not found") UUID reviewId) {
        return respond(reviews.get(reviewId));
    }

    @PutMapping("/{reviewId}")
    ReviewResponse update(
            Caller caller,
            @PathVariable @NotFoundDetail("Review not found") UUID reviewId,
            @RequestBody JsonNode body) {
        return respond(reviews.update(caller, reviewId, new PartialUpdate(body)));
    }

    @DeleteMapping("/{reviewId}")
    Map<String, String> delete(Caller caller, @PathVariable @NotFoundDetail("Review not found") UUID reviewId) {
        reviews.delete(caller, reviewId);
        return Map.of("message", "Review deleted successfully");
    }

    @PostMapping("/{reviewId}/response")
    ReviewResponse respond(
            Caller caller,
            @PathVariable @NotFoundDetail("Review not found") UUID reviewId,
            @Valid @RequestBody ResponseRequest request) {
        return respond(reviews.respond(caller, reviewId, request.response()));
    }

    @PostMapping("/{reviewId}/helpful")
    Map<String, Object> helpful(Caller caller, @PathVariable @NotFoundDetail("Review not found") UUID reviewId) {
        return Map.of("message", "Review marked as helpful", "helpful_count", reviews.markHelpful(caller, reviewId));
    }

    @DeleteMapping("/{reviewId}/helpful")
    Map<String, Object> notHelpful(Caller caller, @PathVariable @NotFoundDetail("Review not found") UUID reviewId) {
        return Map.of("message", "Helpful vote removed", "helpful_count", reviews.unmarkHelpful(caller, reviewId));
    }

    private ReviewResponse respond(Review review) {
        return ReviewResponse.of(review, users.profile(review.reviewerId()).orElse(null));
    }

    private static ReviewRepository.Sort sort(String value) {
        try {
            return ReviewRepository.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RequestValidationException.of(
                    "enum",
                    List.of("query", "sort"),
                    "Input should be 'newest', 'helpful', 'rating_high' or 'rating_low'");
        }
    }
}
