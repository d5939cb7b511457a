package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/admin/audit}: every admin action on someone else's account or spot, newest first. */
class AdminAuditTests extends ApiTest {

    private static final String AUDIT = "/api/v1/admin/audit";

    @Autowired
    JdbcClient jdbc;

    /** A new account made admin in the database before it ever signed in (so no instance holds its old role). */
    private Api.Session admin() {
        var admin = api.signUp("renter");
        jdbc.sql("UPDATE users SET role = 'admin' WHERE id = ?")
                .param(admin.id())
                .update();
        return admin;
    }

    private static List<String> actions(JsonNode entries) {
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }

    @Test
    void adminActionsAreRecordedWithWhoWhatToWhomAndWhen() {
        var admin = admin();
        var user = api.signUp("owner");
        UUID spot = api.createSpot(user, "");
        assertThat(http.post("/api/v1/admin/users/" + user.id() + "/deactivate", "{}", admin.auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/admin/users/" + user.id() + "/reactivate", "{}", admin.auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.send(
                                "PUT",
                                "/api/v1/admin/users/" + user.id() + "/role",
                                "{\"role\": \"renter\"}",
                                admin.auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.send("PUT", "/api/v1/parking-spots/" + spot, "{\"hourly_rate\": 999}", admin.auth())
                        .status())
                .isEqualTo(200);

        var byUser = http.get(AUDIT + "?target_id=" + user.id(), admin.auth());
        assertThat(byUser.status()).as(byUser.body()).isEqualTo(200);
        assertThat(byUser.header("X-Total-Count")).isEqualTo("3");
        assertThat(actions(byUser.json())).containsExactly("user.role_changed", "user.reactivated", "user.deactivated");
        JsonNode roleChange = byUser.json().get(0);
        assertThat(roleChange.get("actor").get("id").asString())
                .isEqualTo(admin.id().toString());
        assertThat(roleChange.get("actor").get("email").asString()).isEqualTo(admin.email());
        assertThat(roleChange.get("target_type").asString()).isEqualTo("user");
        assertThat(roleChange.get("details").get("from").asString()).isEqualTo("owner");
        assertThat(roleChange.get("details").get("to").asString()).isEqualTo("renter");
        assertThat(roleChange.get("at").asString()).endsWith("Z");

        var bySpot = http.get(AUDIT + "?target_id=" + spot, admin.auth());
        assertThat(actions(bySpot.json())).containsExactly("spot.updated");
        assertThat(bySpot.json().get(0).get("details").get("fields").toString()).contains("hourly_rate");
        assertThat(http.get(AUDIT + "?actor_id=" + admin.id() + "&page_size=2", admin.auth())
                        .json())
                .hasSize(2);
    }

    @Test
    void onlyAdminsReadItAndBadParametersAre422() {
        var admin = admin();
        var renter = api.signUp("renter");
        assertThat(http.get(AUDIT, renter.auth()).status()).isEqualTo(403);
        assertThat(http.get(AUDIT).status()).isEqualTo(401);
        assertThat(http.get(AUDIT + "?target_id=not-a-uuid", admin.auth()).status())
                .isEqualTo(422);
        assertThat(http.get(AUDIT + "?page=0", admin.auth()).status()).isEqualTo(422);
        assertThat(http.get(AUDIT + "?page_size=101", admin.auth()).status()).isEqualTo(422);
        // an owner editing their own spot is not an admin action
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        http.send("PUT", "/api/v1/parking-spots/" + spot, "{\"hourly_rate\": 555}", owner.auth());
        assertThat(http.get(AUDIT + "?target_id=" + spot, admin.auth()).json()).isEmpty();
    }
}
