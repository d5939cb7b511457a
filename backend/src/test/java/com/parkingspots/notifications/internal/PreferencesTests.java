package com.parkingspots.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Preferences per kind and channel, the unsubscribe link without signing in, and the inbox's read marks. */
class PreferencesTests extends NotificationFlowsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyChannelOfEveryKindIsOnByDefault() {
        var user = api.signUp("renter");
        var response = http.get("/api/v1/users/me/notification-preferences", user.auth());
        assertThat(response.status()).isEqualTo(200);
        JsonNode preferences = response.json().get("preferences");
        assertThat(preferences).hasSize(13);
        preferences.forEach(p -> {
            assertThat(p.get("email").asBoolean()).isTrue();
            assertThat(p.get("push").asBoolean()).isTrue();
            assertThat(p.get("in_app").asBoolean()).isTrue();
        });
        assertThat(http.get("/api/v1/users/me/notification-preferences").status())
                .isEqualTo(401);
    }

    @Test
    void aChannelTurnedOffGetsNothingWhileTheOthersStillDo() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var put = http.send(
                "PUT",
                "/api/v1/users/me/notification-preferences",
                "{\"preferences\":[{\"kind\":\"booking_confirmed\",\"email\":false}]}",
                driver.auth());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode confirmed = null;
        for (JsonNode p : put.json().get("preferences")) {
            if (p.get("kind").asString().equals("booking_confirmed")) {
                confirmed = p;
            }
        }
        assertThat(confirmed.get("email").asBoolean()).isFalse();
        assertThat(confirmed.get("in_app").asBoolean()).isTrue();

        UUID booking = book(driver, spot(owner));
        awaitInbox(driver, "booking_confirmed");
        awaitEmail(owner.email(), "New booking of"); // written in the same transaction as the driver's
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE dedupe_key = ?")
                        .param("booking_confirmed:" + booking + ":email")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(emailsTo(driver.email(), "is confirmed")).isEmpty();
    }

    @Test
    void unknownKindsAreRefusedWith422() {
        var user = api.signUp("renter");
        var put = http.send(
                "PUT",
                "/api/v1/users/me/notification-preferences",
                "{\"preferences\":[{\"kind\":\"account\",\"email\":false}]}",
                user.auth());
        assertThat(put.status()).isEqualTo(422);
        assertThat(put.json().get("detail").get(0).get("loc").toString()).contains("kind");
        assertThat(http.send("PUT", "/api/v1/users/me/notification-preferences", "{", user.auth())
                        .status())
                .isEqualTo(422);
    }

    @Test
    void theUnsubscribeLinkWorksWithoutSigningInAndOnlyForItsKind() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        book(driver, spot(owner));
        String text = text(awaitEmail(driver.email(), "is confirmed"));
        Matcher link = Pattern.compile("unsubscribe\\?token=([A-Za-z0-9_.-]+)").matcher(text);
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        var page = http.get("/api/v1/notifications/unsubscribe?token=" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", "booking confirmed");
        var done = http.post("/api/v1/notifications/unsubscribe?token=" + token, null);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("kind").asString()).isEqualTo("booking_confirmed");

        var preferences = http.get("/api/v1/users/me/notification-preferences", driver.auth())
                .json();
        preferences.get("preferences").forEach(p -> {
            boolean isConfirmed = p.get("kind").asString().equals("booking_confirmed");
            assertThat(p.get("email").asBoolean()).isEqualTo(!isConfirmed);
        });
        UUID second = book(driver, spot(owner));
        awaitEmail(owner.email(), "New booking of");
        eventually(() -> inboxOf(driver, "booking_confirmed").size(), n -> n == 2, "second confirmation in the inbox");
        assertThat(emailsTo(driver.email(), "is confirmed")).hasSize(1);
        assertThat(second).isNotNull();
    }

    @Test
    void aForgedOrMalformedUnsubscribeTokenIsA400() {
        var user = api.signUp("renter");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((user.id() + ":").getBytes())
                + ".AAAA";
        for (String token : new String[] {forged, "nonsense", "", "a.b.c"}) {
            var response = http.post("/api/v1/notifications/unsubscribe?token=" + token, null);
            assertThat(response.status()).as(token).isEqualTo(400);
            assertThat(response.json().get("detail").asString()).isEqualTo("Invalid or expired token");
        }
        assertThat(http.post("/api/v1/notifications/unsubscribe", null).status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/notifications/unsubscribe?token=nonsense").status())
                .isEqualTo(400);
    }

    @Test
    void notificationsAreMarkedReadOneByOneOrAllAtOnceAndOnlyByTheirOwner() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = spot(owner);
        book(driver, spot);
        book(
                driver,
                spot,
                java.time.Instant.now().plus(10, java.time.temporal.ChronoUnit.HOURS),
                java.time.Duration.ofHours(1));
        eventually(() -> inbox(driver).get("unread_count").asLong(), n -> n == 2, "two unread");
        String first = inbox(driver).get("items").get(0).get("id").asString();

        assertThat(http.post("/api/v1/notifications/" + first + "/read", null, owner.auth())
                        .status())
                .isEqualTo(404);
        var read = http.post("/api/v1/notifications/" + first + "/read", null, driver.auth());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("unread_count").asLong()).isEqualTo(1);
        assertThat(http.post("/api/v1/notifications/not-a-uuid/read", null, driver.auth())
                        .status())
                .isBetween(400, 422);

        var all = http.post("/api/v1/notifications/read-all", null, driver.auth());
        assertThat(all.status()).isEqualTo(200);
        assertThat(inbox(driver).get("unread_count").asLong()).isZero();
        var page =
                http.get("/api/v1/notifications?limit=1&skip=1", driver.auth()).json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(http.get("/api/v1/notifications?limit=0", driver.auth()).status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/notifications").status()).isEqualTo(401);
    }
}
