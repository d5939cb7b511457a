package com.parkingspots.spots.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An id of another owner's spot's row, reached through one's own spot's URL, is not found there. */
class CrossSpotReferencesTests extends ApiTest {

    private static final String SPOTS = "/api/v1/parking-spots/";

    @Test
    void anotherSpotsAvailabilitySlotCannotBeDeletedThroughOnesOwnSpot() {
        var victim = api.signUp("owner");
        UUID victimsSpot = api.createSpot(victim, "");
        var slot = http.post(
                SPOTS + victimsSpot + "/availability",
                "{\"day_of_week\": 1, \"start_time\": \"08:00\", \"end_time\": \"10:00\", \"is_available\": false}",
                victim.auth());
        assertThat(slot.status()).as(slot.body()).isEqualTo(200);
        String slotId = slot.json().get("id").asString();

        var attacker = api.signUp("owner");
        UUID attackersSpot = api.createSpot(attacker, "");
        var deleted = http.send("DELETE", SPOTS + attackersSpot + "/availability/" + slotId, null, attacker.auth());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(404);
        assertThat(deleted.json().get("detail").asString()).isEqualTo("Availability slot not found");
        assertThat(http.send("DELETE", SPOTS + victimsSpot + "/availability/" + slotId, null, attacker.auth())
                        .status())
                .isEqualTo(403);

        assertThat(http.get(SPOTS + victimsSpot + "/availability")
                        .json()
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(slotId);
    }
}
