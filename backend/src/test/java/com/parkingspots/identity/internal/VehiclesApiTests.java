package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A driver's saved vehicles ({@code /users/me/vehicles}) and booking with one, over real HTTP. */
class VehiclesApiTests extends ApiTest {

    private static final String VEHICLES = "/api/v1/users/me/vehicles";

    private JsonNode add(com.parkingspots.support.Api.Session who, String body) {
        var response = http.post(VEHICLES, body, who.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void platesAreNormalisedTheFirstVehicleIsTheDefaultAndOneDefaultAtATime() {
        var driver = api.signUp("renter");
        var first = add(
                driver, "{\"plate\": \"ab 12 cd\", \"make\": \"Toyota\", \"model\": \"Yaris\", \"color\": \"Red\"}");
        assertThat(first.get("plate").asString()).isEqualTo("AB12CD");
        assertThat(first.get("is_default").asBoolean()).isTrue();
        assertThat(first.get("make").asString()).isEqualTo("Toyota");
        var second = add(driver, "{\"plate\": \"yha-1234\", \"is_default\": true}");
        assertThat(second.get("plate").asString()).isEqualTo("YHA-1234");
        assertThat(second.get("is_default").asBoolean()).isTrue();

        var list = http.get(VEHICLES, driver.auth()).json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("id").asString()).isEqualTo(second.get("id").asString());
        assertThat(list.get(1).get("is_default").asBoolean()).isFalse();

        var updated = http.send(
                "PUT",
                VEHICLES + "/" + first.get("id").asString(),
                "{\"color\": \"Blue\", \"is_default\": true, \"model\": \"\"}",
                driver.auth());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("color").asString()).isEqualTo("Blue");
        assertThat(updated.json().get("model").isNull()).isTrue();
        assertThat(updated.json().get("make").asString()).isEqualTo("Toyota");
        assertThat(updated.json().get("is_default").asBoolean()).isTrue();

        var duplicate = http.post(VEHICLES, "{\"plate\": \"AB12 CD\"}", driver.auth());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asString()).isEqualTo("A vehicle with this plate is already saved");
        assertThat(http.post(VEHICLES, "{\"plate\": \"   \"}", driver.auth()).status())
                .isEqualTo(400);
        assertThat(http.post(VEHICLES, "{}", driver.auth()).status()).isEqualTo(422);
        assertThat(http.post(VEHICLES, "{\"plate\": [\"x\"]}", driver.auth()).status())
                .isEqualTo(422);

        // deleting the default passes it on
        var deleted = http.send("DELETE", VEHICLES + "/" + first.get("id").asString(), null, driver.auth());
        assertThat(deleted.status()).isEqualTo(200);
        var remaining = http.get(VEHICLES, driver.auth()).json();
        assertThat(remaining.size()).isEqualTo(1);
        assertThat(remaining.get(0).get("is_default").asBoolean()).isTrue();
    }

    @Test
    void nobodyElseSeesOrChangesAVehicle() {
        var driver = api.signUp("renter");
        var stranger = api.signUp("renter");
        String id = add(driver, "{\"plate\": \"MINE1\"}").get("id").asString();
        assertThat(http.get(VEHICLES, stranger.auth()).json().size()).isZero();
        var put = http.send("PUT", VEHICLES + "/" + id, "{\"plate\": \"THEIRS\"}", stranger.auth());
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.json().get("detail").asString()).isEqualTo("Vehicle not found");
        assertThat(http.send("DELETE", VEHICLES + "/" + id, null, stranger.auth())
                        .status())
                .isEqualTo(404);
        assertThat(http.get(VEHICLES).status()).isEqualTo(401);
        assertThat(http.get(VEHICLES, driver.auth()).json().get(0).get("plate").asString())
                .isEqualTo("MINE1");
    }

    @Test
    void atMostTenVehiclesEvenWhenAddedAtOnce() throws Exception {
        var driver = api.signUp("renter");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 14; i++) {
                String plate = "CAR" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return http.post(VEHICLES, "{\"plate\": \"" + plate + "\"}", driver.auth());
                }));
            }
            go.countDown();
            int created = 0;
            for (var result : results) {
                var r = result.get();
                assertThat(r.status()).as(r.body()).isIn(201, 400);
                if (r.status() == 201) {
                    created++;
                } else {
                    assertThat(r.json().get("detail").asString()).isEqualTo("You can save at most 10 vehicles");
                }
            }
            assertThat(created).isEqualTo(10);
        }
        var list = http.get(VEHICLES, driver.auth()).json();
        assertThat(list.size()).isEqualTo(10);
        int defaults = 0;
        for (JsonNode v : list) {
            defaults += v.get("is_default").asBoolean() ? 1 : 0;
        }
        assertThat(defaults).isOne();
    }

    @Test
    void aBookingWithASavedVehicleGetsItsFieldsUnlessTheRequestSaysOtherwise() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var stranger = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        String vehicle = add(
                        driver,
                        "{\"plate\": \"bk 777\", \"make\": \"Fiat\", \"model\": \"Panda\", \"color\": \"White\"}")
                .get("id")
                .asString();
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(30, ChronoUnit.HOURS);
        var booked = http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\",\"vehicle_id\":\"%s\",\"vehicle_color\":\"Black\"}"
                        .formatted(spot, start, start.plusSeconds(3600), vehicle),
                driver.auth());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().get("vehicle_plate").asString()).isEqualTo("BK777");
        assertThat(booked.json().get("vehicle_make").asString()).isEqualTo("Fiat");
        assertThat(booked.json().get("vehicle_model").asString()).isEqualTo("Panda");
        assertThat(booked.json().get("vehicle_color").asString()).isEqualTo("Black");

        var notTheirs = http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\",\"vehicle_id\":\"%s\"}"
                        .formatted(spot, start.plusSeconds(7200), start.plusSeconds(10800), vehicle),
                stranger.auth());
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.json().get("detail").asString()).isEqualTo("Vehicle not found");
        assertThat(UUID.fromString(vehicle)).isNotNull();
    }
}
