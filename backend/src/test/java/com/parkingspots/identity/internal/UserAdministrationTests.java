package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/admin/users} (spec 7.4) and the {@code ADMIN_EMAIL}/{@code ADMIN_PASSWORD} bootstrap. */
class UserAdministrationTests extends IdentityFlowsTest {

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    JdbcClient jdbc;

    private String[] admin;

    @BeforeEach
    void signInAsTheBootstrapAdmin() {
        var login = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        admin = new String[] {
            "Authorization", "Bearer " + login.json().get("access_token").asString()
        };
    }

    @Test
    void theAdminFromTheEnvironmentExistsOnceAndBootstrapIsIdempotent() {
        var me = http.get("/api/v1/users/me", admin).json();
        assertThat(me.get("role").asString()).isEqualTo("admin");
        assertThat(me.get("is_verified").asBoolean()).isTrue();
        bootstrap.ensureAdmin(ADMIN_EMAIL, "a-different-password");
        bootstrap.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = ?")
                        .param(ADMIN_EMAIL)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.login(ADMIN_EMAIL, ADMIN_PASSWORD).status())
                .as("the password is never overwritten")
                .isEqualTo(200);
    }

    @Test
    void bootstrapPromotesAnExistingAccountWithoutTouchingItsPassword() {
        var renter = api.signUp("renter");
        bootstrap.ensureAdmin(renter.email(), null);
        assertThat(http.get("/api/v1/users/me", renter.auth())
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("admin");
        assertThat(api.login(renter.email(), Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsManageUsers() {
        var owner = api.signUp("owner");
        var renter = api.signUp("renter");
        for (Http.Response response : List.of(
                http.get("/api/v1/admin/users", owner.auth()),
                http.post("/api/v1/admin/users/" + renter.id() + "/deactivate", "", owner.auth()),
                http.post("/api/v1/admin/users/" + renter.id() + "/reactivate", "", renter.auth()),
                http.send(
                        "PUT", "/api/v1/admin/users/" + owner.id() + "/role", "{\"role\": \"admin\"}", owner.auth()))) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.json().get("detail").asString()).isEqualTo("Not enough permissions");
        }
        assertThat(http.get("/api/v1/users/me", owner.auth()).json().get("role").asString())
                .isEqualTo("owner");
        var anonymous = http.get("/api/v1/admin/users");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void listSearchesEmailAndNameCaseInsensitivelyNewestFirstInPages() {
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = Api.uniqueEmail("listed");
            var created = api.register(email, Api.PASSWORD, marker + " Person " + i, i == 2 ? "owner" : "renter");
            ids.add(created.json().get("id").asString());
        }
        var firstPage = http.get("/api/v1/admin/users?q=" + marker.toLowerCase() + "&page=1&page_size=2", admin);
        assertThat(firstPage.status()).as(firstPage.body()).isEqualTo(200);
        assertThat(firstPage.header("X-Total-Count")).isEqualTo("3");
        assertThat(idsOf(firstPage.json())).containsExactly(ids.get(2), ids.get(1));
        assertThat(firstPage.json().get(0).get("email").asString()).contains("listed");
        assertThat(firstPage.json().get(0).has("hashed_password")).isFalse();
        var secondPage = http.get("/api/v1/admin/users/?q=" + marker.toUpperCase() + "&page=2&page_size=2", admin);
        assertThat(idsOf(secondPage.json())).containsExactly(ids.get(0));

        assertThat(idsOf(http.get("/api/v1/admin/users?q=" + marker + "&role=owner", admin)
                        .json()))
                .containsExactly(ids.get(2));
        http.post("/api/v1/admin/users/" + ids.get(0) + "/deactivate", "", admin);
        assertThat(idsOf(http.get("/api/v1/admin/users?q=" + marker + "&is_active=false", admin)
                        .json()))
                .containsExactly(ids.get(0));
        assertThat(idsOf(http.get("/api/v1/admin/users?q=%25", admin).json()))
                .as("LIKE wildcards in q are literal")
                .isEmpty();
        assertThat(http.get("/api/v1/admin/users?role=superuser", admin).status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/admin/users?page=0", admin).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/admin/users?page_size=101", admin).status())
                .isEqualTo(422);
    }

    @Test
    void deactivationLocksTheUserOutAndRevokesTheirSessionsReactivationLetsThemBackIn() {
        var renter = api.signUp("renter");
        var deactivated = http.post("/api/v1/admin/users/" + renter.id() + "/deactivate", "", admin);
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().get("is_active").asBoolean()).isFalse();

        assertThat(http.get("/api/v1/users/me", renter.auth()).status()).isEqualTo(400);
        var login = api.login(renter.email(), Api.PASSWORD);
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.json().get("detail").asString()).isEqualTo("User account is inactive");

        var reactivated = http.post("/api/v1/admin/users/" + renter.id() + "/reactivate", "", admin);
        assertThat(reactivated.json().get("is_active").asBoolean()).isTrue();
        var refreshed =
                http.post("/api/v1/auth/refresh", "{\"refresh_token\": \"%s\"}".formatted(renter.refreshToken()));
        assertThat(refreshed.status()).as("the old session stays revoked").isEqualTo(401);
        var oldAccess = http.get("/api/v1/users/me", renter.auth());
        assertThat(oldAccess.status())
                .as("an access token issued before the deactivation stays dead after the reactivation")
                .isEqualTo(401);
        assertThat(oldAccess.json().get("detail").asString()).isEqualTo("Could not validate credentials");
        assertThat(api.login(renter.email(), Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void adminsChangeRoles() {
        var renter = api.signUp("renter");
        var promoted = http.send("PUT", "/api/v1/admin/users/" + renter.id() + "/role", "{\"role\": \"admin\"}", admin);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().get("role").asString()).isEqualTo("admin");
        assertThat(http.get("/api/v1/admin/users?page_size=1", renter.auth()).status())
                .as("the new admin's existing token carries the new role at once")
                .isEqualTo(200);
        var demoted = http.send("PUT", "/api/v1/admin/users/" + renter.id() + "/role", "{\"role\": \"owner\"}", admin);
        assertThat(demoted.json().get("role").asString()).isEqualTo("owner");
        assertThat(http.get("/api/v1/admin/users?page_size=1", renter.auth()).status())
                .as("and loses it at once")
                .isEqualTo(403);
        assertThat(http.send("PUT", "/api/v1/admin/users/" + renter.id() + "/role", "{\"role\": \"root\"}", admin)
                        .status())
                .isEqualTo(422);
    }

    @Test
    void unknownOrMalformedUserIdsAre404() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            for (Http.Response response : List.of(
                    http.post("/api/v1/admin/users/" + id + "/deactivate", "", admin),
                    http.post("/api/v1/admin/users/" + id + "/reactivate", "", admin),
                    http.send("PUT", "/api/v1/admin/users/" + id + "/role", "{\"role\": \"owner\"}", admin))) {
                assertThat(response.status()).as(response.body()).isEqualTo(404);
                assertThat(response.json().get("detail").asString()).isEqualTo("User not found");
            }
        }
    }

    @Test
    void anAdminCannotDeactivateOrDemoteThemself() {
        var renter = api.signUp("renter");
        http.send("PUT", "/api/v1/admin/users/" + renter.id() + "/role", "{\"role\": \"admin\"}", admin);
        var deactivate = http.post("/api/v1/admin/users/" + renter.id() + "/deactivate", "", renter.auth());
        assertThat(deactivate.status()).isEqualTo(400);
        assertThat(deactivate.json().get("detail").asString()).isEqualTo("You cannot deactivate your own account");
        var demote = http.send(
                "PUT", "/api/v1/admin/users/" + renter.id() + "/role", "{\"role\": \"renter\"}", renter.auth());
        assertThat(demote.status()).isEqualTo(400);
        assertThat(demote.json().get("detail").asString()).isEqualTo("You cannot remove your own admin role");
        assertThat(http.get("/api/v1/users/me", renter.auth())
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("admin");
    }

    private static List<String> idsOf(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(user -> ids.add(user.get("id").asString()));
        return ids;
    }
}
