package com.parkingspots.spots.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.spots.SpotOccupancy;
import com.parkingspots.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /parking-spots/{id}/calendar}: open hours in the spot's zone, dated blocks and bookings for a range. */
class SpotCalendarTests extends ApiTest {

    private static final String SPOTS = "/api/v1/parking-spots";

    @Autowired
    SpotOccupancy occupancy;

    private static List<String> intervals(JsonNode calendar, String field) {
        List<String> found = new ArrayList<>();
        calendar.get(field)
                .forEach(i ->
                        found.add(i.get("start").asString() + "/" + i.get("end").asString()));
        return found;
    }

    @Test
    void openHoursFollowTheSpotsZoneAcrossDaylightSavingTimeWithBlocksAndBookings() {
        var owner = api.signUp("owner");
        Map<String, Object> hours = new java.util.LinkedHashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            hours.put(day, Map.of("open", "09:00", "close", "17:00"));
        }
        var created = http.post(
                SPOTS + "/", SpotJson.with("time_zone", "Europe/Athens", "operating_hours", hours), owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID spot = UUID.fromString(created.json().get("id").asString());
        var blocked = http.post(
                SPOTS + "/" + spot + "/availability",
                "{\"specific_date\": \"2030-04-01\", \"start_time\": \"12:00\", \"end_time\": \"13:00\","
                        + " \"is_available\": false}",
                owner.auth());
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
        occupancy.occupy(
                spot, UUID.randomUUID(), Instant.parse("2030-03-30T08:00:00Z"), Instant.parse("2030-03-30T10:00:00Z"));

        // Athens goes from UTC+2 to UTC+3 on Sunday 2030-03-31
        var response = http.get(SPOTS + "/" + spot + "/calendar?from=2030-03-30T00:00:00Z&to=2030-04-02T00:00:00Z");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode calendar = response.json();
        assertThat(calendar.get("time_zone").asString()).isEqualTo("Europe/Athens");
        assertThat(intervals(calendar, "open"))
                .containsExactly(
                        "2030-03-30T07:00:00Z/2030-03-30T15:00:00Z",
                        "2030-03-31T06:00:00Z/2030-03-31T14:00:00Z",
                        "2030-04-01T06:00:00Z/2030-04-01T14:00:00Z");
        assertThat(intervals(calendar, "blocked")).containsExactly("2030-04-01T09:00:00Z/2030-04-01T10:00:00Z");
        assertThat(intervals(calendar, "busy")).containsExactly("2030-03-30T08:00:00Z/2030-03-30T10:00:00Z");
    }

    @Test
    void aSpotWithoutHoursIsOpenThroughoutAndBadRangesAreRefused() {
        UUID spot = api.createSpot(api.signUp("owner"), "");
        var calendar = http.get(SPOTS + "/" + spot + "/calendar?from=2030-01-01T00:00:00Z&to=2030-01-03T00:00:00Z");
        assertThat(intervals(calendar.json(), "open")).containsExactly("2030-01-01T00:00:00Z/2030-01-03T00:00:00Z");
        assertThat(http.get(SPOTS + "/" + spot + "/calendar").json().get("open"))
                .hasSize(1);

        assertThat(http.get(SPOTS + "/" + spot + "/calendar?from=2030-01-03T00:00:00Z&to=2030-01-01T00:00:00Z")
                        .status())
                .isEqualTo(422);
        assertThat(http.get(SPOTS + "/" + spot + "/calendar?from=2030-01-01T00:00:00Z&to=2030-06-01T00:00:00Z")
                        .status())
                .isEqualTo(422);
        assertThat(http.get(SPOTS + "/" + spot + "/calendar?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z")
                        .status())
                .isEqualTo(400);
        var unknown = http.get(SPOTS + "/" + UUID.randomUUID() + "/calendar");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Parking spot not found");
        assertThat(http.get(SPOTS + "/not-a-uuid/calendar").status()).isEqualTo(404);
    }
}
