package com.parkingspots.reviews.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** CONTRACT.md 3.6, 3.9 and Decision 19 over real HTTP on the embedded PostgreSQL. */
class ReviewsApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    /** A stay that really happened: booked to start within the check-in window, checked in, checked out. */
    private String completedStay(Api.Session driver, UUID spot) {
        Instant start = Instant.now().plus(1, ChronoUnit.MINUTES);
        var booked = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plus(30, ChronoUnit.MINUTES)),
                driver.auth());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.json().get("id").asString();
        assertThat(http.post("/api/v1/bookings/" + id + "/check-in", null, driver.auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/bookings/" + id + "/check-out", null, driver.auth())
                        .status())
                .isEqualTo(200);
        return id;
    }

    private Http.Response review(Api.Session driver, String bookingId, int rating, String extra) {
        return http.post(
                "/api/v1/reviews/",
                "{\"booking_id\":\"%s\",\"overall_rating\":%d%s}"
                        .formatted(bookingId, rating, extra.isBlank() ? "" : ", " + extra),
                driver.auth());
    }

    private JsonNode spot(UUID spot) {
        return http.get("/api/v1/parking-spots/" + spot).json();
    }

    @Test
    void theDriverOfACompletedStayReviewsItOnceAndTheSpotsRatingFollows() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        String booking = completedStay(driver, spot);

        var created = review(
                driver,
                booking,
                4,
                "\"cleanliness_rating\": 5, \"title\": \"Easy\", \"comment\": \"<b>Good</b> & close\"");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var r = created.json();
        assertThat(r.get("overall_rating").asInt()).isEqualTo(4);
        assertThat(r.get("cleanliness_rating").asInt()).isEqualTo(5);
        assertThat(r.get("accuracy_rating").isNull()).isTrue();
        assertThat(r.get("comment").asString()).isEqualTo("<b>Good</b> & close");
        assertThat(r.get("reviewer_id").asString()).isEqualTo(driver.id().toString());
        assertThat(r.get("helpful_count").asInt()).isZero();
        assertThat(created.header("Content-Type")).startsWith("application/json");

        assertThat(spot(spot).get("average_rating").asDouble()).isEqualTo(4.0);
        assertThat(spot(spot).get("total_reviews").asInt()).isEqualTo(1);

        var again = review(driver, booking, 5, "");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).isEqualTo("Booking already has a review");
    }

    @Test
    void onlyTheDriverOfACompletedBookingMayReview() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var stranger = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        String completed = completedStay(driver, spot);
        Instant later = Instant.now().plus(5, ChronoUnit.DAYS);
        String upcoming = http.post(
                        "/api/v1/bookings",
                        "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                                .formatted(spot, later, later.plusSeconds(3600)),
                        driver.auth())
                .json()
                .get("id")
                .asString();

        var notMine = review(stranger, completed, 5, "");
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.json().get("detail").asString()).isEqualTo("You can only review your own bookings");
        var notDone = review(driver, upcoming, 5, "");
        assertThat(notDone.status()).isEqualTo(400);
        assertThat(notDone.json().get("detail").asString()).isEqualTo("Can only review completed bookings");
        var unknown = review(driver, UUID.randomUUID().toString(), 5, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Booking not found");
        assertThat(review(driver, completed, 6, "").status()).isEqualTo(422);
        assertThat(review(driver, completed, 0, "").status()).isEqualTo(422);
        assertThat(review(driver, completed, 5, "\"title\": \"" + "t".repeat(256) + "\"")
                        .status())
                .isEqualTo(422);
        assertThat(http.post("/api/v1/reviews", "{\"booking_id\":\"%s\",\"overall_rating\":5}".formatted(completed))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void listingsSummaryAndTheWebClientsAlias() {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        List<Api.Session> drivers = new ArrayList<>();
        int[] ratings = {5, 4, 4};
        for (int rating : ratings) {
            var driver = api.signUp("renter");
            drivers.add(driver);
            assertThat(review(driver, completedStay(driver, spot), rating, "\"cleanliness_rating\": " + rating)
                            .status())
                    .isEqualTo(201);
        }
        var list = http.get("/api/v1/reviews/spot/" + spot).json();
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("reviewer_name").asString()).isEqualTo("Test renter");
        assertThat(list.get(0).has("reviewer_image")).isTrue();
        var alias = http.get("/api/v1/reviews/parking-spot/" + spot + "/").json();
        assertThat(alias).hasSize(3);
        assertThat(alias.get(0).get("reviewer").get("full_name").asString()).isEqualTo("Test renter");
        assertThat(http.get("/api/v1/reviews/spot/" + spot + "?page=2&page_size=2")
                        .json())
                .hasSize(1);
        assertThat(http.get("/api/v1/reviews/spot/" + spot + "?sort=rating_low")
                        .json()
                        .get(0)
                        .get("overall_rating")
                        .asInt())
                .isEqualTo(4);
        assertThat(http.get("/api/v1/reviews/spot/" + spot + "?page=0").status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/reviews/spot/" + spot + "?page_size=101").status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/reviews/spot/" + spot + "?sort=random").status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/reviews/spot/" + UUID.randomUUID()).json()).isEmpty();

        var summary = http.get("/api/v1/reviews/spot/" + spot + "/summary").json();
        assertThat(summary.get("average_rating").asDouble()).isEqualTo(4.33);
        assertThat(summary.get("total_reviews").asInt()).isEqualTo(3);
        assertThat(summary.get("rating_breakdown").propertyNames()).containsExactly("1", "2", "3", "4", "5");
        assertThat(summary.get("rating_breakdown").get("4").asInt()).isEqualTo(2);
        assertThat(summary.get("average_cleanliness").asDouble()).isEqualTo(4.33);
        assertThat(summary.get("average_value").isNull()).isTrue();
        var empty = http.get("/api/v1/reviews/spot/" + UUID.randomUUID() + "/summary")
                .json();
        assertThat(empty.get("average_rating").asDouble()).isZero();
        assertThat(empty.get("rating_breakdown").get("1").asInt()).isZero();

        String id = list.get(0).get("id").asString();
        assertThat(http.get("/api/v1/reviews/" + id).json().get("id").asString())
                .isEqualTo(id);
        assertThat(http.get("/api/v1/reviews/" + UUID.randomUUID()).status()).isEqualTo(404);
        var malformed = http.get("/api/v1/reviews/nope");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().get("detail").asString()).isEqualTo("Review not found");
    }

    @Test
    void reviewerEditsAndDeletesOthersCannotAndTheAggregateFollows() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var stranger = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        String id = review(driver, completedStay(driver, spot), 2, "")
                .json()
                .get("id")
                .asString();

        assertThat(http.send("PUT", "/api/v1/reviews/" + id, "{\"overall_rating\": 5}", stranger.auth())
                        .status())
                .isEqualTo(403);
        var edited =
                http.send("PUT", "/api/v1/reviews/" + id, "{\"overall_rating\": 5, \"title\": null}", driver.auth());
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("overall_rating").asInt()).isEqualTo(5);
        assertThat(spot(spot).get("average_rating").asDouble()).isEqualTo(5.0);
        assertThat(http.send("PUT", "/api/v1/reviews/" + id, "{\"overall_rating\": null}", driver.auth())
                        .status())
                .isEqualTo(422);
        assertThat(http.send("PUT", "/api/v1/reviews/" + id, "{\"value_rating\": 9}", driver.auth())
                        .status())
                .isEqualTo(422);

        var forbidden = http.send("DELETE", "/api/v1/reviews/" + id, null, stranger.auth());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("detail").asString()).isEqualTo("Not authorized to delete this review");
        var deleted = http.send("DELETE", "/api/v1/reviews/" + id, null, driver.auth());
        assertThat(deleted.json().get("message").asString()).isEqualTo("Review deleted successfully");
        assertThat(spot(spot).get("average_rating").asDouble()).isZero();
        assertThat(spot(spot).get("total_reviews").asInt()).isZero();
    }

    @Test
    void editingAfterTheWindowIsRefusedButAdminsMayStillDelete() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        String id = review(driver, completedStay(driver, spot), 3, "")
                .json()
                .get("id")
                .asString();
        jdbc.sql("UPDATE reviews SET stay_ended_at = now() - interval '15 days' WHERE id = ?::uuid")
                .param(id)
                .update();

        var late = http.send("PUT", "/api/v1/reviews/" + id, "{\"overall_rating\": 5}", driver.auth());
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("detail").asString())
                .isEqualTo("Reviews can only be changed within 14 days after the stay");
        assertThat(http.send("DELETE", "/api/v1/reviews/" + id, null, driver.auth())
                        .status())
                .isEqualTo(400);

        String adminEmail = Api.uniqueEmail("admin");
        api.register(adminEmail, Api.PASSWORD, "Admin", "renter");
        jdbc.sql("UPDATE users SET role = 'admin' WHERE email = ?")
                .param(adminEmail)
                .update();
        String admin =
                api.login(adminEmail, Api.PASSWORD).json().get("access_token").asString();
        assertThat(http.send("DELETE", "/api/v1/reviews/" + id, null, "Authorization", "Bearer " + admin)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theOwnerRespondsOnceAndMayEditTheResponse() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var otherOwner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        String id = review(driver, completedStay(driver, spot), 4, "")
                .json()
                .get("id")
                .asString();

        var notOwner = http.post("/api/v1/reviews/" + id + "/response", "{\"response\":\"Hi\"}", otherOwner.auth());
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(notOwner.json().get("detail").asString()).isEqualTo("Only the owner can respond to reviews");
        assertThat(http.post("/api/v1/reviews/" + id + "/response", "{\"response\":\"Hi\"}", driver.auth())
                        .status())
                .isEqualTo(403);
        var answered = http.post("/api/v1/reviews/" + id + "/response", "{\"response\":\"Thank you!\"}", owner.auth());
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("owner_response").asString()).isEqualTo("Thank you!");
        assertThat(answered.json().get("owner_responded_at").asString()).endsWith("Z");
        var edited = http.post("/api/v1/reviews/" + id + "/response", "{\"response\":\"Thanks again\"}", owner.auth());
        assertThat(edited.json().get("owner_response").asString()).isEqualTo("Thanks again");
        assertThat(http.post("/api/v1/reviews/" + id + "/response", "{}", owner.auth())
                        .status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/reviews/parking-spot/" + spot)
                        .json()
                        .get(0)
                        .get("owner_response")
                        .asString())
                .isEqualTo("Thanks again");
    }

    @Test
    void anOwnerPagesThroughReviewsOfTheirSpotsAwaitingAResponseFirst() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var otherOwner = api.signUp("owner");
        UUID first = api.createSpot(owner, "\"title\": \"First spot\"");
        UUID second = api.createSpot(owner, "\"title\": \"Second spot\"");
        UUID elsewhere = api.createSpot(otherOwner, "");
        String answered = review(driver, completedStay(driver, first), 5, "")
                .json()
                .get("id")
                .asString();
        String waitingOld = review(driver, completedStay(driver, second), 3, "")
                .json()
                .get("id")
                .asString();
        String waitingNew = review(driver, completedStay(driver, first), 4, "")
                .json()
                .get("id")
                .asString();
        String foreign = review(driver, completedStay(driver, elsewhere), 2, "")
                .json()
                .get("id")
                .asString();
        assertThat(http.post("/api/v1/reviews/" + answered + "/response", "{\"response\":\"Thanks\"}", owner.auth())
                        .status())
                .isEqualTo(200);

        var all = http.get("/api/v1/reviews/owner", owner.auth());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.header("X-Total-Count")).isEqualTo("3");
        assertThat(all.json())
                .extracting(r -> r.get("id").asString())
                .containsExactly(waitingNew, waitingOld, answered);
        assertThat(all.json().get(1).get("parking_spot_title").asString()).isEqualTo("Second spot");
        assertThat(all.json().get(0).get("reviewer_name").asString()).isEqualTo("Test renter");

        var awaiting = http.get("/api/v1/reviews/owner?awaiting_response=true&page=2&page_size=1", owner.auth());
        assertThat(awaiting.header("X-Total-Count")).isEqualTo("2");
        assertThat(awaiting.json()).extracting(r -> r.get("id").asString()).containsExactly(waitingOld);

        // nobody else's reviews: another owner sees only their own, a driver none, anonymous is refused
        assertThat(http.get("/api/v1/reviews/owner", otherOwner.auth()).json())
                .extracting(r -> r.get("id").asString())
                .containsExactly(foreign);
        var drivers = http.get("/api/v1/reviews/owner", driver.auth());
        assertThat(drivers.json()).isEmpty();
        assertThat(drivers.header("X-Total-Count")).isEqualTo("0");
        assertThat(http.get("/api/v1/reviews/owner").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/reviews/owner?page=0", owner.auth()).status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/reviews/owner?awaiting_response=maybe", owner.auth())
                        .status())
                .isEqualTo(422);
    }

    @Test
    void helpfulVotesAreOnePerUserAndNotForOnesOwnReview() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var reader = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        String id = review(driver, completedStay(driver, spot), 5, "")
                .json()
                .get("id")
                .asString();

        var vote = http.post("/api/v1/reviews/" + id + "/helpful", null, reader.auth());
        assertThat(vote.status()).isEqualTo(200);
        assertThat(vote.json().get("message").asString()).isEqualTo("Review marked as helpful");
        assertThat(vote.json().get("helpful_count").asInt()).isEqualTo(1);
        var twice = http.post("/api/v1/reviews/" + id + "/helpful", null, reader.auth());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(http.post("/api/v1/reviews/" + id + "/helpful", null, owner.auth())
                        .json()
                        .get("helpful_count")
                        .asInt())
                .isEqualTo(2);
        var self = http.post("/api/v1/reviews/" + id + "/helpful", null, driver.auth());
        assertThat(self.status()).isEqualTo(400);
        var undo = http.send("DELETE", "/api/v1/reviews/" + id + "/helpful", null, reader.auth());
        assertThat(undo.json().get("helpful_count").asInt()).isEqualTo(1);
        assertThat(http.send("DELETE", "/api/v1/reviews/" + id + "/helpful", null, reader.auth())
                        .json()
                        .get("helpful_count")
                        .asInt())
                .isEqualTo(1);
        assertThat(http.post("/api/v1/reviews/" + UUID.randomUUID() + "/helpful", null, reader.auth())
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/reviews/" + id).json().get("helpful_count").asInt())
                .isEqualTo(1);
    }

    @Test
    void concurrentReviewsOfOneSpotKeepTheAggregateRight() throws Exception {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        int reviewers = 12;
        List<Api.Session> drivers = new ArrayList<>();
        List<String> stays = new ArrayList<>();
        for (int i = 0; i < reviewers; i++) {
            var driver = api.signUp("renter");
            drivers.add(driver);
            stays.add(completedStay(driver, spot));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(reviewers)) {
            for (int i = 0; i < reviewers; i++) {
                int index = i;
                results.add(pool.submit(() -> {
                    go.await();
                    return review(drivers.get(index), stays.get(index), 1 + index % 5, "")
                            .status();
                }));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
        }
        assertAggregateMatchesTheTable(spot);
        assertThat(spot(spot).get("total_reviews").asInt()).isEqualTo(reviewers);
    }

    @Test
    void aggregatesEqualASqlRecomputationAfterRandomCreatesEditsAndDeletes() {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        Random random = new Random(7);
        List<String[]> live = new ArrayList<>(); // {reviewId, accessToken}
        for (int step = 0; step < 24; step++) {
            int action = live.isEmpty() ? 0 : random.nextInt(3);
            if (action == 0) {
                var driver = api.signUp("renter");
                var created = review(driver, completedStay(driver, spot), 1 + random.nextInt(5), "");
                live.add(new String[] {created.json().get("id").asString(), driver.accessToken()});
            } else {
                String[] pick = live.get(random.nextInt(live.size()));
                if (action == 1) {
                    http.send(
                            "PUT",
                            "/api/v1/reviews/" + pick[0],
                            "{\"overall_rating\": " + (1 + random.nextInt(5)) + "}",
                            "Authorization",
                            "Bearer " + pick[1]);
                } else {
                    http.send("DELETE", "/api/v1/reviews/" + pick[0], null, "Authorization", "Bearer " + pick[1]);
                    live.remove(pick);
                }
            }
            assertAggregateMatchesTheTable(spot);
        }
    }

    private void assertAggregateMatchesTheTable(UUID spot) {
        double[] expected = jdbc.sql(
                        "SELECT coalesce(round(avg(overall_rating), 2), 0), count(*) FROM reviews WHERE parking_spot_id = ?")
                .param(spot)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getLong(2)})
                .single();
        var shown = spot(spot);
        assertThat(shown.get("average_rating").asDouble()).isEqualTo(expected[0]);
        assertThat(shown.get("total_reviews").asInt()).isEqualTo((int) expected[1]);
    }
}
