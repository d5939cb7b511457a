package com.parkingspots.spots.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.parkingspots.support.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/places}: the shipped gazetteer of the demo region and the places the spots themselves name. */
class PlacesApiTests extends ApiTest {

    private static final String PLACES = "/api/v1/places";

    private JsonNode places(String q) {
        var response = http.get(PLACES + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode places) {
        List<String> names = new ArrayList<>();
        places.forEach(
                p -> names.add(p.get("name").asString() + " (" + p.get("kind").asString() + ")"));
        return names;
    }

    @Test
    void greekAndLatinAccentedOrNotFindTheSamePlace() {
        // a spot elsewhere whose address names a "Syntagma" too: the Greek query still finds Athens's first
        api.createSpot(api.signUp("owner"), "\"address\": \"Tsimiski 2, Syntagma\"");
        JsonNode greek = places("Σύνταγμα");
        assertThat(greek.get(0).get("name").asString()).isEqualTo("Σύνταγμα");
        assertThat(greek.get(0).get("kind").asString()).isEqualTo("neighbourhood");
        assertThat(greek.get(0).get("latitude").asDouble()).isCloseTo(37.9755, within(0.01));
        assertThat(names(greek)).contains("Πλατεία Συντάγματος (square)");
        assertThat(names(places("syntagma square"))).first().isEqualTo("Syntagma Square (square)");
        assertThat(names(places("PLAKA"))).first().isEqualTo("Plaka (neighbourhood)");
        assertThat(names(places("Εξαρχεια"))).first().isEqualTo("Εξάρχεια (neighbourhood)");
        assertThat(names(places("acro"))).first().isEqualTo("Acropolis (landmark)");
    }

    @Test
    void streetsNeighbourhoodsAndPostcodesOfTheSpotsAreFoundWhereTheirSpotsAre() throws InterruptedException {
        var owner = api.signUp("owner");
        String street = "Odos Kalliopis" + System.nanoTime() % 100000;
        for (int i = 0; i < 3; i++) {
            api.createSpot(
                    owner,
                    "\"address\": \"" + street + " " + (10 + i) + ", Ano Testochori\", \"zip_code\": \"999 0" + i
                            + "\", \"latitude\": " + (10.0 + i * 0.001) + ", \"longitude\": 20.0");
        }
        // the gazetteer reads the spots again at most once a second
        long deadline = System.nanoTime() + 5_000_000_000L;
        JsonNode found = places(street.toLowerCase());
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = places(street.toLowerCase());
        }
        assertThat(found.get(0).get("name").asString()).isEqualTo(street);
        assertThat(found.get(0).get("kind").asString()).isEqualTo("street");
        assertThat(found.get(0).get("spots").asInt()).isEqualTo(3);
        assertThat(found.get(0).get("latitude").asDouble()).isCloseTo(10.001, within(1e-9));
        assertThat(names(places("ano testo"))).contains("Ano Testochori (neighbourhood)");
        assertThat(names(places("99901"))).contains("999 01 (postcode)");
    }

    @Test
    void theQueryIsRequiredAndBounded() {
        for (String url : List.of(PLACES, PLACES + "?q=%20", PLACES + "?q=" + "x".repeat(101))) {
            var response = http.get(url);
            assertThat(response.status()).as(url).isEqualTo(422);
            assertThat(response.json().get("detail").get(0).get("loc").get(1).asString())
                    .isEqualTo("q");
        }
        for (String limit : List.of("0", "21", "many")) {
            var response = http.get(PLACES + "?q=plaka&limit=" + limit);
            assertThat(response.status()).as(limit).isEqualTo(422);
        }
        assertThat(http.get(PLACES + "?q=plaka&limit=1").json()).hasSize(1);
        assertThat(places("zzzqqqxxxyyy")).isEmpty();
    }
}
