package com.parkingspots.spots.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /parking-spots/my-spots}: all of an owner's spots as before, or a page of them, searched and filtered. */
class OwnerSpotsPagingTests extends ApiTest {

    private static final String MINE = "/api/v1/parking-spots/my-spots";

    private static List<String> titles(com.parkingspots.support.Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        response.json().forEach(s -> titles.add(s.get("title").asString()));
        return titles;
    }

    @Test
    void anOwnerPagesSearchesAndFiltersTheirSpots() {
        var owner = api.signUp("owner");
        List<UUID> spots = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            spots.add(api.createSpot(
                    owner, "\"title\": \"Garage %02d%s\"".formatted(i, i % 5 == 0 ? " near Plaka" : "")));
        }
        http.send("PUT", "/api/v1/parking-spots/" + spots.get(1), "{\"is_available\": false}", owner.auth());
        http.send("PUT", "/api/v1/parking-spots/" + spots.get(2), "{\"is_active\": false}", owner.auth());

        var all = http.get(MINE, owner.auth());
        assertThat(titles(all)).hasSize(25);
        assertThat(all.header("X-Total-Count")).isEqualTo("25");

        var second = http.get(MINE + "?page=2&page_size=10", owner.auth());
        assertThat(second.header("X-Total-Count")).isEqualTo("25");
        assertThat(titles(second)).hasSize(10).first().isEqualTo("Garage 14"); // newest first

        assertThat(titles(http.get(MINE + "?q=plaka", owner.auth())))
                .containsExactly(
                        "Garage 20 near Plaka",
                        "Garage 15 near Plaka",
                        "Garage 10 near Plaka",
                        "Garage 05 near Plaka",
                        "Garage 00 near Plaka");
        assertThat(titles(http.get(MINE + "?status=unavailable", owner.auth()))).containsExactly("Garage 01");
        assertThat(titles(http.get(MINE + "?status=inactive", owner.auth()))).containsExactly("Garage 02");
        assertThat(http.get(MINE + "?status=available", owner.auth()).header("X-Total-Count"))
                .isEqualTo("23");

        assertThat(http.get(MINE + "?status=gone", owner.auth()).status()).isEqualTo(422);
        assertThat(http.get(MINE + "?page=0", owner.auth()).status()).isEqualTo(422);
        assertThat(http.get(MINE + "?page_size=1000", owner.auth()).status()).isEqualTo(422);
        // someone else's spots are never in it
        assertThat(titles(http.get(MINE + "?q=garage", api.signUp("owner").auth())))
                .isEmpty();
    }
}
