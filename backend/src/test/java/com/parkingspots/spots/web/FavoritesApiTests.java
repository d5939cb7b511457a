package com.parkingspots.spots.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.shared.cluster.ClusterEventBus;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Favourite spots ({@code /users/me/favorites}) and {@code is_favorite} on search results, over real HTTP. */
class FavoritesApiTests extends ApiTest {

    private static final String FAVORITES = "/api/v1/users/me/favorites";

    @Autowired
    MeterRegistry meters;

    @Autowired
    ClusterEventBus bus;

    private double favoriteLoads() {
        return meters.get("parkingspots.spots.favorites.loads").counter().count();
    }

    private double searchMisses() {
        return meters.get("parkingspots.spots.cache.requests")
                .tags("cache", "search", "result", "miss")
                .counter()
                .count();
    }

    private static double lat = 35.0;

    private String near(double latitude) {
        return "/api/v1/parking-spots/?latitude=" + latitude + "&longitude=25.0&radius_km=1";
    }

    private JsonNode item(Api.Session who, double latitude, UUID spot) {
        var response = who == null ? http.get(near(latitude)) : http.get(near(latitude), who.auth());
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode item : response.json()) {
            if (item.get("id").asString().equals(spot.toString())) {
                return item;
            }
        }
        throw new AssertionError("spot not found in " + response.body());
    }

    @Test
    void aFavouriteIsMarkedOnSearchResultsForItsUserOnlyWithoutAQueryPerSearch() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var other = api.signUp("renter");
        double latitude = (lat += 0.05);
        UUID spot = api.createSpot(owner, "\"latitude\": " + latitude + ", \"longitude\": 25.0");
        assertThat(item(driver, latitude, spot).get("is_favorite").asBoolean()).isFalse();

        var added = http.send("PUT", FAVORITES + "/" + spot, null, driver.auth());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("is_favorite").asBoolean()).isTrue();
        // idempotent
        assertThat(http.send("PUT", FAVORITES + "/" + spot, null, driver.auth()).status())
                .isEqualTo(200);

        double loads = favoriteLoads();
        double misses = searchMisses();
        for (int i = 0; i < 5; i++) {
            assertThat(item(driver, latitude, spot).get("is_favorite").asBoolean())
                    .isTrue();
        }
        assertThat(favoriteLoads()).as("favourites come from memory").isEqualTo(loads);
        assertThat(searchMisses()).as("search stays in memory").isEqualTo(misses);
        assertThat(item(other, latitude, spot).get("is_favorite").asBoolean()).isFalse();
        assertThat(item(null, latitude, spot).get("is_favorite").asBoolean()).isFalse();

        var list = http.get(FAVORITES, driver.auth());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).get("id").asString()).isEqualTo(spot.toString());
        assertThat(list.json().get(0).get("is_favorite").asBoolean()).isTrue();
        assertThat(http.get(FAVORITES, other.auth()).json().size()).isZero();

        assertThat(http.send("DELETE", FAVORITES + "/" + spot, null, driver.auth())
                        .status())
                .isEqualTo(200);
        assertThat(item(driver, latitude, spot).get("is_favorite").asBoolean()).isFalse();
        assertThat(http.get(FAVORITES, driver.auth()).json().size()).isZero();
    }

    @Test
    void anotherInstancesChangeDropsTheEntryHere() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        double latitude = (lat += 0.05);
        UUID spot = api.createSpot(owner, "\"latitude\": " + latitude + ", \"longitude\": 25.0");
        item(driver, latitude, spot);
        double loads = favoriteLoads();
        item(driver, latitude, spot);
        assertThat(favoriteLoads()).isEqualTo(loads);
        // as another instance announces after changing this user's favourites
        bus.publish("spot-favorites", driver.id().toString());
        item(driver, latitude, spot);
        assertThat(favoriteLoads()).isEqualTo(loads + 1);
    }

    @Test
    void favouritesNeedASignedInUserAndAnExistingSpot() {
        var driver = api.signUp("renter");
        assertThat(http.get(FAVORITES).status()).isEqualTo(401);
        assertThat(http.send("PUT", FAVORITES + "/" + UUID.randomUUID(), null).status())
                .isEqualTo(401);
        var unknown = http.send("PUT", FAVORITES + "/" + UUID.randomUUID(), null, driver.auth());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Parking spot not found");
        assertThat(http.send("PUT", FAVORITES + "/not-a-uuid", null, driver.auth())
                        .status())
                .isEqualTo(404);
        assertThat(http.send("DELETE", FAVORITES + "/" + UUID.randomUUID(), null, driver.auth())
                        .status())
                .isEqualTo(200);
    }
}
