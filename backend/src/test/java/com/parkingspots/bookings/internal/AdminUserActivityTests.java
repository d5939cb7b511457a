package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin users screen's look at one user: their spots and their bookings, for admins only. */
class AdminUserActivityTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private String[] admin() {
        String email = Api.uniqueEmail("admin");
        api.register(email, Api.PASSWORD, "An Admin", "renter");
        jdbc.sql("UPDATE users SET role = 'admin' WHERE email = ?").param(email).update();
        return new String[] {
            "Authorization",
            "Bearer "
                    + api.login(email, Api.PASSWORD).json().get("access_token").asString()
        };
    }

    private String book(Api.Session driver, UUID spot, int daysAhead) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(daysAhead * 24L + 3, ChronoUnit.HOURS);
        var booked = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plus(1, ChronoUnit.HOURS)),
                driver.auth());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    @Test
    void anAdminSeesAUsersSpotsAndBookingsPagedAndNobodyElseDoes() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID first = api.createSpot(owner, "\"title\": \"First of three\"");
        api.createSpot(owner, "");
        UUID third = api.createSpot(owner, "\"title\": \"Third of three\"");
        String older = book(driver, first, 3);
        String newer = book(driver, third, 5);
        String[] admin = admin();

        var spots = http.get("/api/v1/admin/users/" + owner.id() + "/spots?page_size=2", admin);
        assertThat(spots.status()).as(spots.body()).isEqualTo(200);
        assertThat(spots.header("X-Total-Count")).isEqualTo("3");
        assertThat(spots.json()).hasSize(2);
        assertThat(spots.json().get(0).get("title").asString()).isEqualTo("Third of three");
        var secondPage = http.get("/api/v1/admin/users/" + owner.id() + "/spots?page=2&page_size=2", admin);
        assertThat(secondPage.json().get(0).get("title").asString()).isEqualTo("First of three");

        var bookings = http.get("/api/v1/admin/users/" + driver.id() + "/bookings", admin);
        assertThat(bookings.status()).as(bookings.body()).isEqualTo(200);
        assertThat(bookings.header("X-Total-Count")).isEqualTo("2");
        assertThat(bookings.json()).extracting(b -> b.get("id").asString()).containsExactlyInAnyOrder(older, newer);
        assertThat(bookings.json().get(0).get("parking_spot").get("title").asString())
                .isNotBlank();
        assertThat(http.get("/api/v1/admin/users/" + driver.id() + "/bookings?page=2&page_size=2", admin)
                        .json())
                .isEmpty();
        assertThat(http.get("/api/v1/admin/users/" + driver.id() + "/spots", admin)
                        .header("X-Total-Count"))
                .isEqualTo("0");

        // only admins: the user themself, another user and anonymous are refused
        for (var who : new Api.Session[] {owner, driver}) {
            var refused = http.get("/api/v1/admin/users/" + owner.id() + "/spots", who.auth());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asString()).isEqualTo("Not enough permissions");
            assertThat(http.get("/api/v1/admin/users/" + driver.id() + "/bookings", who.auth())
                            .status())
                    .isEqualTo(403);
        }
        assertThat(http.get("/api/v1/admin/users/" + owner.id() + "/spots").status())
                .isEqualTo(401);
        var unknown = http.get("/api/v1/admin/users/" + UUID.randomUUID() + "/bookings", admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("User not found");
        assertThat(http.get("/api/v1/admin/users/not-a-uuid/spots", admin).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/admin/users/" + owner.id() + "/spots?page_size=0", admin)
                        .status())
                .isEqualTo(422);
    }
}
