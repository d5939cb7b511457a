package com.parkingspots.spots.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.shared.cluster.ClusterEventBus;
import com.parkingspots.shared.cluster.ClusterProperties;
import com.parkingspots.support.ApiTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the marketplace stays equal to the database: what this instance changes is in the next search, what others
 * change without a word (plain SQL here) arrives with the next catch-up, and a transaction that commits after later
 * ones is not skipped.
 */
class MarketplaceSyncTests extends ApiTest {

    @Autowired
    MarketplaceSync sync;

    @Autowired
    MarketplaceRows rows;

    @Autowired
    ClusterEventBus bus;

    @Autowired
    ClusterProperties cluster;

    @Autowired
    SpotsProperties properties;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private static final String SPOTS = "/api/v1/parking-spots";

    @Test
    void whatThisInstanceChangesIsInTheVeryNextSearch() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        double lat = 50 + Math.random();
        double lon = 170 + Math.random();
        String near = SPOTS + "/?latitude=" + lat + "&longitude=" + lon + "&radius_km=1";
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String window = near + "&start_time=" + start + "&end_time=" + start.plus(2, ChronoUnit.HOURS);

        UUID spot = api.createSpot(owner, "\"latitude\": " + lat + ", \"longitude\": " + lon);
        assertThat(ids(near)).containsExactly(spot.toString());
        http.send("PUT", SPOTS + "/" + spot, "{\"hourly_rate\": 901, \"title\": \"Renamed\"}", owner.auth());
        assertThat(http.get(near).json().get(0).get("hourly_rate").asInt()).isEqualTo(901);
        assertThat(http.get(SPOTS + "/" + spot).json().get("title").asString()).isEqualTo("Renamed");

        var booked = http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start.plus(1, ChronoUnit.HOURS), start.plus(3, ChronoUnit.HOURS)),
                driver.auth());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(ids(window)).as("booked for part of the window").isEmpty();
        var cancelled =
                http.post("/api/v1/bookings/" + booked.json().get("id").asString() + "/cancel", "{}", driver.auth());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(ids(window)).as("free again").containsExactly(spot.toString());

        http.send("PUT", SPOTS + "/" + spot, "{\"is_active\": false}", owner.auth());
        assertThat(ids(near)).isEmpty();
        assertThat(http.get(SPOTS + "/" + spot).json().get("is_active").asBoolean())
                .isFalse();
        UUID gone = api.createSpot(owner, "\"latitude\": " + lat + ", \"longitude\": " + lon);
        assertThat(ids(near)).containsExactly(gone.toString());
        assertThat(http.send("DELETE", SPOTS + "/" + gone, null, owner.auth()).status())
                .isEqualTo(200);
        assertThat(ids(near)).isEmpty();
        assertThat(http.get(SPOTS + "/" + gone).status()).isEqualTo(404);
    }

    @Test
    void changesMadeBehindItsBackArriveWithTheNextCatchUp() throws Exception {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "\"title\": \"Original\"");
        // no announcement, no commit hook: as if another instance changed it while Redis was down
        jdbc.sql("UPDATE parking_spots SET title = 'Changed in SQL', hourly_rate = 123 WHERE id = ?")
                .param(spot)
                .update();
        await(
                "the change within the catch-up interval",
                properties.catchUpInterval().plusSeconds(3),
                () -> http.get(SPOTS + "/" + spot)
                        .json()
                        .get("title")
                        .asString()
                        .equals("Changed in SQL"));
        jdbc.sql("DELETE FROM parking_spots WHERE id = ?").param(spot).update();
        await(
                "the deletion within the catch-up interval",
                properties.catchUpInterval().plusSeconds(3),
                () -> http.get(SPOTS + "/" + spot).status() == 404);
    }

    @Test
    void aTransactionThatCommitsAfterLaterOnesIsNotSkipped() throws Exception {
        var owner = api.signUp("owner");
        UUID late = UUID.randomUUID();
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement insert = slow.prepareStatement("""
                    INSERT INTO parking_spots (id, owner_id, title, spot_type, vehicle_size, address, city, state,
                                               zip_code, latitude, longitude, hourly_rate)
                    VALUES (?, ?, 'Committed late', 'lot', 'standard', 'Street 1', 'City', 'State', '1', 1, 1, 100)""")) {
                insert.setObject(1, late);
                insert.setObject(2, owner.id());
                insert.executeUpdate();
            }
            // meanwhile, later transactions commit and the marketplace catches up past them
            for (int i = 0; i < 3; i++) {
                api.createSpot(owner, "");
                sync.catchUpNow();
            }
            assertThat(http.get(SPOTS + "/" + late).status()).isEqualTo(404);
            slow.commit();
        }
        sync.catchUpNow();
        assertThat(http.get(SPOTS + "/" + late).status())
                .as("the late transaction's spot after the next catch-up")
                .isEqualTo(200);
    }

    @Test
    void readinessIsDownUntilTheMarketplaceIsBuilt() throws Exception {
        UUID spot = api.createSpot(api.signUp("owner"), "");
        MarketplaceSync fresh =
                new MarketplaceSync(rows, bus, cluster, properties, new SimpleMeterRegistry(), Clock.systemUTC());
        assertThat(fresh.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(fresh.marketplace()).isEmpty();
        fresh.start();
        try {
            await(
                    "the build",
                    Duration.ofSeconds(20),
                    () -> fresh.health().getStatus().equals(Status.UP));
            assertThat(fresh.marketplace().orElseThrow().find(spot)).isPresent();
        } finally {
            fresh.stop();
        }
    }

    private List<String> ids(String url) {
        var response = http.get(url);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
