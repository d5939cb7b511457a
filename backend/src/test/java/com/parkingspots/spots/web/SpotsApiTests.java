package com.parkingspots.spots.web;

import static com.parkingspots.spots.web.SpotJson.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.spots.SpotOccupancy;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** CONTRACT.md 3.4: listings and availability slots over real HTTP on the embedded PostgreSQL. */
class SpotsApiTests extends ApiTest {

    static final String SPOTS = "/api/v1/parking-spots";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SpotOccupancy occupancy;

    @Autowired
    SpotEventsRecorder events;

    JsonNode create(Api.Session owner, String body) {
        var response = http.post(SPOTS + "/", body, owner.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    // --- create ---

    @Test
    void creatingASpotReturns201WithEveryFieldAndPromotesARenterToOwner() {
        var renter = api.signUp("renter");
        JsonNode spot = create(renter, with());
        assertThat(spot.get("owner_id").asString()).isEqualTo(renter.id().toString());
        assertThat(spot.get("title").asString()).isEqualTo("Covered garage on Ermou");
        assertThat(spot.get("state").asString()).isEqualTo("Attica");
        assertThat(spot.get("prefecture").asString()).isEqualTo("Attica");
        assertThat(spot.get("country").asString()).isEqualTo("Greece");
        assertThat(spot.get("currency").asString()).isEqualTo("usd");
        assertThat(spot.get("time_zone").asString()).isEqualTo("UTC");
        assertThat(spot.get("images").isArray()).isTrue();
        assertThat(spot.get("images").size()).isZero();
        assertThat(spot.get("average_rating").isNumber()).isTrue();
        assertThat(spot.get("average_rating").asDouble()).isZero();
        assertThat(spot.get("is_active").asBoolean()).isTrue();
        assertThat(spot.get("is_available").asBoolean()).isTrue();
        assertThat(spot.get("total_bookings").asInt()).isZero();
        assertThat(spot.get("total_reviews").asInt()).isZero();
        assertThat(spot.get("daily_rate").asInt()).isEqualTo(2500);
        assertThat(spot.get("monthly_rate").isNull()).isTrue();
        assertThat(spot.get("operating_hours").isNull()).isTrue();
        assertThat(spot.get("created_at").asString()).endsWith("Z");
        assertThat(http.get("/api/v1/users/me", renter.auth())
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("owner");
    }

    @Test
    void createAcceptsStateCurrencyTimeZoneAndAValidWeeklySchedule() {
        var owner = api.signUp("owner");
        String hours = "{\"monday\":{\"open\":\"08:00\",\"close\":\"20:00\"},\"saturday\":\"closed\","
                + "\"sunday\":{\"open_24h\":true},\"friday\":{\"open\":\"22:00\",\"close\":\"06:00\"}}";
        JsonNode spot = create(
                owner,
                with(
                        "prefecture",
                        SpotJson.Remove.FIELD,
                        "state",
                        "Attiki",
                        "currency",
                        "EUR",
                        "time_zone",
                        "Europe/Athens",
                        "operating_hours",
                        parse(hours),
                        "images",
                        List.of("https://example.com/a.jpg")));
        assertThat(spot.get("state").asString()).isEqualTo("Attiki");
        assertThat(spot.get("prefecture").asString()).isEqualTo("Attiki");
        assertThat(spot.get("currency").asString()).isEqualTo("eur");
        assertThat(spot.get("time_zone").asString()).isEqualTo("Europe/Athens");
        assertThat(spot.get("operating_hours").get("monday").get("open").asString())
                .isEqualTo("08:00");
        assertThat(spot.get("images").get(0).asString()).isEqualTo("https://example.com/a.jpg");
    }

    static Map<String, Object> parse(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Map.class);
    }

    @Test
    void createWithoutSignInIs401() {
        var response = http.post(SPOTS + "/", with());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("Not authenticated");
    }

    @Test
    void badSpotFieldsAre422WithTheFieldInLoc() {
        var owner = api.signUp("owner");
        Object[][] cases = {
            {"title", SpotJson.Remove.FIELD},
            {"title", "abc"},
            {"spot_type", "spaceship"},
            {"vehicle_size", "tank"},
            {"latitude", 91},
            {"longitude", -181},
            {"hourly_rate", 0},
            {"hourly_rate", 5.5},
            {"daily_rate", -1},
            {"currency", "xyz"},
            {"time_zone", "Mars/Olympus"},
            {"time_zone", "+02:00"},
            {"operating_hours", parse("{\"monday\":{\"open\":\"25:00\",\"close\":\"10:00\"}}")},
            {"operating_hours", parse("{\"funday\":{\"open\":\"08:00\",\"close\":\"10:00\"}}")},
            {"operating_hours", parse("{\"monday\":{\"open\":\"8am\"}}")},
            {"operating_hours", List.of("monday")},
            {"images", "not-a-list"},
            {"zip_code", SpotJson.Remove.FIELD},
        };
        for (Object[] c : cases) {
            var response = http.post(SPOTS + "/", with(c[0], c[1]), owner.auth());
            assertThat(response.status())
                    .as("%s=%s: %s", c[0], c[1], response.body())
                    .isEqualTo(422);
            JsonNode first = response.json().get("detail").get(0);
            assertThat(first.get("loc").get(1).asString()).as(response.body()).isEqualTo(c[0]);
            assertThat(first.get("msg").asString()).isNotBlank();
        }
        var noPrefecture = http.post(SPOTS + "/", with("prefecture", SpotJson.Remove.FIELD), owner.auth());
        assertThat(noPrefecture.status()).isEqualTo(422);
        var notJson = http.post(SPOTS + "/", "{nope", owner.auth());
        assertThat(notJson.status()).isEqualTo(422);
    }

    // --- read ---

    @Test
    void detailIsPublicIgnoresABadTokenAndAnswers404ForUnknownOrMalformedIds() {
        var owner = api.signUp("owner");
        String id = create(owner, with()).get("id").asString();
        var found = http.get(SPOTS + "/" + id, "Authorization", "Bearer not-a-token");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asString()).isEqualTo(id);
        for (String missing : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            var response = http.get(SPOTS + "/" + missing);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("detail").asString()).isEqualTo("Parking spot not found");
        }
    }

    @Test
    void mySpotsListsOnlyTheCallersSpotsIncludingInactiveOnes() {
        var owner = api.signUp("owner");
        var other = api.signUp("owner");
        String first = create(owner, with()).get("id").asString();
        String second = create(owner, with("title", "Second garage")).get("id").asString();
        create(other, with());
        http.send("PUT", SPOTS + "/" + second, "{\"is_active\": false}", owner.auth());
        var mine = http.get(SPOTS + "/my-spots", owner.auth());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().valueStream().map(s -> s.get("id").asString())).containsExactlyInAnyOrder(first, second);
        assertThat(http.get(SPOTS + "/my-spots").status()).isEqualTo(401);
    }

    // --- update ---

    @Test
    void updateChangesOnlyTheKeysSentAndAppliesTheCreateRules() {
        var owner = api.signUp("owner");
        String id = create(owner, with()).get("id").asString();
        var updated = http.send(
                "PUT",
                SPOTS + "/" + id,
                "{\"hourly_rate\": 550, \"description\": null, \"prefecture\": \"Attica Region\","
                        + " \"time_zone\": \"Europe/Athens\", \"is_available\": false}",
                owner.auth());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode spot = updated.json();
        assertThat(spot.get("hourly_rate").asInt()).isEqualTo(550);
        assertThat(spot.get("description").isNull()).isTrue();
        assertThat(spot.get("state").asString()).isEqualTo("Attica Region");
        assertThat(spot.get("time_zone").asString()).isEqualTo("Europe/Athens");
        assertThat(spot.get("is_available").asBoolean()).isFalse();
        assertThat(spot.get("title").asString()).isEqualTo("Covered garage on Ermou");
        assertThat(events.received).anyMatch(e -> e.spotId().toString().equals(id) && !e.isAvailable());

        for (String bad : List.of(
                "{\"title\": null}",
                "{\"hourly_rate\": 0}",
                "{\"spot_type\": \"boat\"}",
                "{\"time_zone\": \"Nowhere\"}",
                "{\"operating_hours\": {\"monday\": {\"open\": \"08:00\", \"close\": \"99:99\"}}}")) {
            var response = http.send("PUT", SPOTS + "/" + id, bad, owner.auth());
            assertThat(response.status()).as(bad).isEqualTo(422);
        }
        var unknown = http.send("PUT", SPOTS + "/" + UUID.randomUUID(), "{\"hourly_rate\": 1}", owner.auth());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Parking spot not found");
    }

    // --- owner-only writes ---

    @Test
    void everyWriteEndpointRefusesOtherUsersWithTheContractMessages() {
        var owner = api.signUp("owner");
        var stranger = api.signUp("renter");
        String id = create(owner, with()).get("id").asString();
        var slot = http.post(
                SPOTS + "/" + id + "/availability",
                "{\"day_of_week\": 0, \"start_time\": \"08:00\", \"end_time\": \"10:00\"}",
                owner.auth());
        assertThat(slot.status()).isEqualTo(200);
        String slotId = slot.json().get("id").asString();

        assertForbidden(
                http.send("PUT", SPOTS + "/" + id, "{\"hourly_rate\": 1}", stranger.auth()),
                "Not authorized to update this parking spot");
        assertForbidden(
                http.send("DELETE", SPOTS + "/" + id, null, stranger.auth()),
                "Not authorized to delete this parking spot");
        assertForbidden(
                http.post(
                        SPOTS + "/" + id + "/availability",
                        "{\"start_time\": \"08:00\", \"end_time\": \"10:00\"}",
                        stranger.auth()),
                "Not authorized to modify this parking spot");
        assertForbidden(
                http.send("DELETE", SPOTS + "/" + id + "/availability/" + slotId, null, stranger.auth()),
                "Not authorized");
        assertForbidden(
                SpotImagesTests.upload(port, id, SpotImagesTests.png(), stranger.auth()),
                "Not authorized to update this parking spot");
        assertForbidden(
                http.send("DELETE", SPOTS + "/" + id + "/images?url=/media/spots/x.jpg", null, stranger.auth()),
                "Not authorized to update this parking spot");

        // nothing changed
        JsonNode spot = http.get(SPOTS + "/" + id).json();
        assertThat(spot.get("hourly_rate").asInt()).isEqualTo(400);
        assertThat(spot.get("images").size()).isZero();
        assertThat(http.get(SPOTS + "/" + id + "/availability").json().size()).isEqualTo(1);

        // and without a token: 401
        assertThat(http.send("PUT", SPOTS + "/" + id, "{\"hourly_rate\": 1}").status())
                .isEqualTo(401);
        assertThat(http.send("DELETE", SPOTS + "/" + id, null).status()).isEqualTo(401);
    }

    @Test
    void anAdminMayUpdateAndDeleteAnySpotButNotItsAvailability() {
        var owner = api.signUp("owner");
        var admin = api.signUp("renter");
        jdbc.sql("UPDATE users SET role = 'admin' WHERE id = ?")
                .param(admin.id())
                .update();
        String id = create(owner, with()).get("id").asString();
        assertThat(http.send("PUT", SPOTS + "/" + id, "{\"hourly_rate\": 900}", admin.auth())
                        .json()
                        .get("hourly_rate")
                        .asInt())
                .isEqualTo(900);
        assertForbidden(
                http.post(
                        SPOTS + "/" + id + "/availability",
                        "{\"start_time\": \"08:00\", \"end_time\": \"10:00\"}",
                        admin.auth()),
                "Not authorized to modify this parking spot");
        assertThat(http.send("DELETE", SPOTS + "/" + id, null, admin.auth()).status())
                .isEqualTo(200);
    }

    static void assertForbidden(Http.Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo(detail);
    }

    // --- delete ---

    @Test
    void deletingASpotWithoutHistoryRemovesItAndItsSlots() {
        var owner = api.signUp("owner");
        String id = create(owner, with()).get("id").asString();
        http.post(
                SPOTS + "/" + id + "/availability",
                "{\"start_time\": \"08:00\", \"end_time\": \"10:00\"}",
                owner.auth());
        var deleted = http.send("DELETE", SPOTS + "/" + id, null, owner.auth());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asString()).isEqualTo("Parking spot deleted successfully");
        assertThat(http.get(SPOTS + "/" + id).status()).isEqualTo(404);
        assertThat(http.get(SPOTS + "/" + id + "/availability").json().size()).isZero();
        assertThat(http.send("DELETE", SPOTS + "/" + id, null, owner.auth()).status())
                .isEqualTo(404);
    }

    @Test
    void deletingASpotThatWasBookedDeactivatesItAndKeepsItsHistory() {
        var owner = api.signUp("owner");
        String id = create(owner, with()).get("id").asString();
        UUID booking = UUID.randomUUID();
        occupancy.occupy(
                UUID.fromString(id),
                booking,
                Instant.parse("2030-01-01T10:00:00Z"),
                Instant.parse("2030-01-01T12:00:00Z"));
        occupancy.release(booking);
        var deleted = http.send("DELETE", SPOTS + "/" + id, null, owner.auth());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deactivated").asBoolean()).isTrue();
        JsonNode spot = http.get(SPOTS + "/" + id).json();
        assertThat(spot.get("is_active").asBoolean()).isFalse();
    }

    // --- availability slots ---

    @Test
    void availabilitySlotsAreCreatedListedAndDeletedByTheOwner() {
        var owner = api.signUp("owner");
        String id = create(owner, with()).get("id").asString();
        var weekly = http.post(
                SPOTS + "/" + id + "/availability",
                "{\"day_of_week\": 0, \"start_time\": \"08:00\", \"end_time\": \"18:00\"}",
                owner.auth());
        assertThat(weekly.status()).as(weekly.body()).isEqualTo(200);
        JsonNode slot = weekly.json();
        assertThat(slot.get("day_of_week").asInt()).isZero();
        assertThat(slot.get("specific_date").isNull()).isTrue();
        assertThat(slot.get("start_time").asString()).isEqualTo("08:00");
        assertThat(slot.get("end_time").asString()).isEqualTo("18:00");
        assertThat(slot.get("is_available").asBoolean()).isTrue();
        assertThat(slot.get("parking_spot_id").asString()).isEqualTo(id);
        var dated = http.post(
                SPOTS + "/" + id + "/availability",
                "{\"specific_date\": \"2030-12-24\", \"start_time\": \"00:00\", \"end_time\": \"00:00\","
                        + " \"is_available\": false}",
                owner.auth());
        assertThat(dated.status()).as(dated.body()).isEqualTo(200);
        assertThat(dated.json().get("specific_date").asString()).isEqualTo("2030-12-24");

        var list = http.get(SPOTS + "/" + id + "/availability", "Authorization", "Bearer expired");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        assertThat(http.get(SPOTS + "/" + UUID.randomUUID() + "/availability")
                        .json()
                        .size())
                .isZero();
        assertThat(http.get(SPOTS + "/not-a-uuid/availability").body()).isEqualTo("[]");

        String slotId = slot.get("id").asString();
        var deleted = http.send("DELETE", SPOTS + "/" + id + "/availability/" + slotId, null, owner.auth());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asString()).isEqualTo("Availability slot deleted");
        var again = http.send("DELETE", SPOTS + "/" + id + "/availability/" + slotId, null, owner.auth());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("detail").asString()).isEqualTo("Availability slot not found");
        var missingSpot =
                http.send("DELETE", SPOTS + "/" + UUID.randomUUID() + "/availability/" + slotId, null, owner.auth());
        assertForbidden(missingSpot, "Not authorized");
        var unknownSpot = http.post(
                SPOTS + "/" + UUID.randomUUID() + "/availability",
                "{\"start_time\": \"08:00\", \"end_time\": \"10:00\"}",
                owner.auth());
        assertThat(unknownSpot.status()).isEqualTo(404);
        assertThat(unknownSpot.json().get("detail").asString()).isEqualTo("Parking spot not found");
    }

    @Test
    void badAvailabilitySlotsAre422() {
        var owner = api.signUp("owner");
        String id = create(owner, with()).get("id").asString();
        for (String bad : List.of(
                "{\"start_time\": \"8:00\", \"end_time\": \"10:00\"}",
                "{\"start_time\": \"08:00\"}",
                "{\"start_time\": \"08:00\", \"end_time\": \"24:30\"}",
                "{\"day_of_week\": 7, \"start_time\": \"08:00\", \"end_time\": \"10:00\"}",
                "{\"specific_date\": \"24/12/2030\", \"start_time\": \"08:00\", \"end_time\": \"10:00\"}",
                "{\"day_of_week\": 1, \"specific_date\": \"2030-12-24\", \"start_time\": \"08:00\", \"end_time\": \"10:00\"}")) {
            var response = http.post(SPOTS + "/" + id + "/availability", bad, owner.auth());
            assertThat(response.status()).as(bad + " " + response.body()).isEqualTo(422);
        }
    }
}
