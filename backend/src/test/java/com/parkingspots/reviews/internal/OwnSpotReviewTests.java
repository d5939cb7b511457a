package com.parkingspots.reviews.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An owner may book their own spot (nothing forbids it), but a completed stay there does not let them rate it: the
 * booking's {@code booking_id} would otherwise be a way to write the spot's own reviews (docs/decisions/0009).
 */
class OwnSpotReviewTests extends ApiTest {

    @Test
    void anOwnerCannotReviewTheirOwnSpotThroughTheirOwnBooking() {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        Instant start = Instant.now().plus(1, ChronoUnit.MINUTES);
        var booked = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plus(30, ChronoUnit.MINUTES)),
                owner.auth());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String booking = booked.json().get("id").asString();
        assertThat(http.post("/api/v1/bookings/" + booking + "/check-in", null, owner.auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/bookings/" + booking + "/check-out", null, owner.auth())
                        .status())
                .isEqualTo(200);

        var review = http.post(
                "/api/v1/reviews/", "{\"booking_id\":\"%s\",\"overall_rating\":5}".formatted(booking), owner.auth());
        assertThat(review.status()).as(review.body()).isEqualTo(403);
        assertThat(review.json().get("detail").asString()).isEqualTo("You cannot review your own parking spot");

        var after = http.get("/api/v1/parking-spots/" + spot).json();
        assertThat(after.get("total_reviews").asInt()).isZero();
        assertThat(after.get("average_rating").asDouble()).isZero();
    }
}
