package com.parkingspots.spots.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.identity.UserAccounts;
import com.parkingspots.shared.security.Role;
import com.parkingspots.support.ApiTest;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class DemoMarketplaceTests extends ApiTest {

    @Autowired
    DemoMarketplace demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void seedsOnlyTheEmbeddedDatabaseUnlessAsked() {
        assertThat(DemoMarketplace.wanted("auto", true)).isTrue();
        assertThat(DemoMarketplace.wanted("auto", false)).isFalse();
        assertThat(DemoMarketplace.wanted("true", false)).isTrue();
        assertThat(DemoMarketplace.wanted("false", true)).isFalse();
    }

    @Test
    void theDemoMarketplaceIsABelievableAthensWithWorkingDemoLogins() {
        UUID owner = demo.seed();
        try {
            assertThat(api.login(DemoMarketplace.OWNER_EMAIL, DemoMarketplace.PASSWORD)
                            .status())
                    .isEqualTo(200);
            var renter = api.login(DemoMarketplace.RENTER_EMAIL, DemoMarketplace.PASSWORD);
            assertThat(renter.status()).isEqualTo(200);
            String token = renter.json().get("access_token").asString();
            assertThat(http.get("/api/v1/users/me", "Authorization", "Bearer " + token)
                            .json()
                            .get("role")
                            .asString())
                    .isEqualTo("renter");
            var admin = api.login(DemoMarketplace.ADMIN_EMAIL, DemoMarketplace.PASSWORD);
            assertThat(admin.status()).isEqualTo(200);
            String adminToken = admin.json().get("access_token").asString();
            assertThat(http.get("/api/v1/users/me", "Authorization", "Bearer " + adminToken)
                            .json()
                            .get("role")
                            .asString())
                    .isEqualTo("admin");
            assertThat(http.get("/api/v1/admin/dashboard", "Authorization", "Bearer " + adminToken)
                            .status())
                    .isEqualTo(200);
            assertThat(jdbc.sql("SELECT count(*) FROM parking_spots WHERE owner_id = ?")
                            .param(owner)
                            .query(Long.class)
                            .single())
                    .isEqualTo(DemoMarketplace.SPOTS);

            // other tests may have put spots in Athens too: look at the demo owner's among the nearest
            Set<String> demoIds = new HashSet<>(jdbc.sql("SELECT id::text FROM parking_spots WHERE owner_id = ?")
                    .param(owner)
                    .query(String.class)
                    .list());
            var nearby =
                    http.get("/api/v1/parking-spots/?latitude=37.9838&longitude=23.7275&radius_km=3&page_size=100");
            assertThat(nearby.status()).isEqualTo(200);
            assertThat(nearby.json().size()).isEqualTo(100);
            Set<String> types = new HashSet<>();
            Set<Integer> prices = new HashSet<>();
            int demoSpots = 0;
            for (JsonNode spot : nearby.json()) {
                assertThat(spot.get("distance_km").asDouble()).isLessThanOrEqualTo(3.0);
                if (!demoIds.contains(spot.get("id").asString())) {
                    continue;
                }
                demoSpots++;
                assertThat(spot.get("currency").asString()).isEqualTo("eur");
                assertThat(spot.get("time_zone").asString()).isEqualTo("Europe/Athens");
                types.add(spot.get("spot_type").asString());
                prices.add(spot.get("hourly_rate").asInt());
            }
            assertThat(demoSpots).isGreaterThan(50);
            assertThat(types).hasSizeGreaterThanOrEqualTo(5);
            assertThat(prices).hasSizeGreaterThan(10);
            assertThat(jdbc.sql("SELECT count(*) FROM parking_spots WHERE owner_id = ? AND operating_hours IS NOT NULL")
                            .param(owner)
                            .query(Long.class)
                            .single())
                    .isBetween(100L, 250L);
        } finally {
            // keep the shared test database free of the demo city
            jdbc.sql("DELETE FROM parking_spots WHERE owner_id = ?")
                    .param(owner)
                    .update();
        }
    }

    @Test
    void aDemoMadeBeforeTheDemoAdminExistedGetsItOnItsNextStart() {
        accounts.ensureDemoUser(
                DemoMarketplace.OWNER_EMAIL, DemoMarketplace.PASSWORD, "Eleni Papadaki (demo owner)", Role.OWNER);
        // the state of an earlier demo: no admin account (identity's tables, cleared here only to set the scene)
        for (String table : new String[] {"refresh_tokens", "email_tokens"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE user_id IN (SELECT id FROM users WHERE email = ?)")
                    .param(DemoMarketplace.ADMIN_EMAIL)
                    .update();
        }
        jdbc.sql("DELETE FROM users WHERE email = ?")
                .param(DemoMarketplace.ADMIN_EMAIL)
                .update();
        assertThat(api.login(DemoMarketplace.ADMIN_EMAIL, DemoMarketplace.PASSWORD)
                        .status())
                .isEqualTo(401);

        demo.addAdminToAnEarlierDemo();

        var admin = api.login(DemoMarketplace.ADMIN_EMAIL, DemoMarketplace.PASSWORD);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(http.get(
                                "/api/v1/admin/dashboard",
                                "Authorization",
                                "Bearer " + admin.json().get("access_token").asString())
                        .status())
                .isEqualTo(200);
    }
}
