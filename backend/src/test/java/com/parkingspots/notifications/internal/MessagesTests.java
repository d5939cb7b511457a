package com.parkingspots.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The conversation of a booking: who may read and write it, live delivery, and the notification of the other party. */
class MessagesTests extends NotificationFlowsTest {

    /** A WebSocket that keeps every frame it receives. */
    static final class Socket implements AutoCloseable {
        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        final WebSocket socket;

        Socket(int port, Api.Session user) {
            socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(
                            URI.create("ws://127.0.0.1:" + port + "/api/v1/ws?token=" + user.accessToken()),
                            new WebSocket.Listener() {
                                private final StringBuilder partial = new StringBuilder();

                                @Override
                                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                    partial.append(data);
                                    if (last) {
                                        frames.add(JSON.readTree(partial.toString()));
                                        partial.setLength(0);
                                    }
                                    ws.request(1);
                                    return null;
                                }
                            })
                    .join();
            eventually(() -> frames(("connected")), l -> !l.isEmpty(), "connected frame");
        }

        List<JsonNode> frames(String type) {
            return frames.stream()
                    .filter(f -> f.get("type").asString().equals(type))
                    .toList();
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    private tools.jackson.databind.JsonNode post(Api.Session user, UUID booking, String text, int status) {
        var response = http.post(
                "/api/v1/bookings/" + booking + "/messages",
                "{\"body\":" + JSON.writeValueAsString(text) + "}",
                user.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    @Test
    void driverAndOwnerExchangeMessagesDeliveredLiveAndTheOfflinePartyIsNotified() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID booking = book(driver, spot(owner));
        var ownerPhone = subscribePush(owner);

        try (Socket driverSocket = new Socket(port, driver)) {
            JsonNode sent = post(driver, booking, "Where is the entrance? Call me on +30 210 0000000", 201);
            assertThat(sent.get("sender_role").asString()).isEqualTo("driver");
            assertThat(sent.get("sender_name").asString()).isEqualTo("Test renter");
            assertThat(sent.toString()).doesNotContain(driver.email()).doesNotContain("phone");

            // the owner is offline: inbox, email and push tell them
            assertDelivered(owner, ownerPhone, "new_message", "New message from Test renter", "Where is the entrance?");
            JsonNode row = awaitInbox(owner, "new_message");
            assertThat(row.get("link").asString()).isEqualTo("/bookings/" + booking + "#messages");

            // the driver is online: the answer arrives over the WebSocket
            post(owner, booking, "Behind the bakery, <b>gate 2</b>", 201);
            JsonNode live = eventually(
                            () -> driverSocket.frames("message"),
                            frames -> frames.stream()
                                    .anyMatch(f ->
                                            f.get("data").get("body").asString().contains("gate 2")),
                            "the owner's message over the driver's WebSocket")
                    .stream()
                    .filter(f -> f.get("data").get("body").asString().contains("gate 2"))
                    .findFirst()
                    .orElseThrow();
            assertThat(live.get("data").get("booking_id").asString()).isEqualTo(booking.toString());
            assertThat(live.get("data").get("sender_role").asString()).isEqualTo("owner");
            assertThat(live.get("data").get("body").asString()).isEqualTo("Behind the bakery, <b>gate 2</b>");
            eventually(
                    () -> driverSocket.frames("notification"),
                    frames -> frames.stream()
                            .anyMatch(f -> f.get("data").get("kind").asString().equals("new_message")),
                    "the notification frame with the unread count");
        }

        var conversation = http.get("/api/v1/bookings/" + booking + "/messages", driver.auth());
        assertThat(conversation.status()).isEqualTo(200);
        assertThat(conversation.json()).hasSize(2);
        assertThat(conversation.json().get(0).get("sender_role").asString()).isEqualTo("driver");
        assertThat(conversation.json().get(1).get("sender_role").asString()).isEqualTo("owner");
        assertThat(conversation.body()).doesNotContain(owner.email()).doesNotContain(driver.email());
    }

    @Test
    void strangersGet404AdminsMayReadButNotWrite() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var stranger = api.signUp("renter");
        UUID booking = book(driver, spot(owner));
        post(driver, booking, "Hello", 201);

        var read = http.get("/api/v1/bookings/" + booking + "/messages", stranger.auth());
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("detail").asString()).isEqualTo("Booking not found");
        assertThat(post(stranger, booking, "Hi", 404).get("detail").asString()).isEqualTo("Booking not found");
        assertThat(http.get("/api/v1/bookings/" + UUID.randomUUID() + "/messages", driver.auth())
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/bookings/" + booking + "/messages").status())
                .isEqualTo(401);

        var admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        String[] adminAuth = {
            "Authorization", "Bearer " + admin.json().get("access_token").asString()
        };
        var adminRead = http.get("/api/v1/bookings/" + booking + "/messages", adminAuth);
        assertThat(adminRead.status()).isEqualTo(200);
        assertThat(adminRead.json()).hasSize(1);
        var adminWrite = http.post("/api/v1/bookings/" + booking + "/messages", "{\"body\":\"Hi\"}", adminAuth);
        assertThat(adminWrite.status()).isEqualTo(403);
    }

    @Test
    void messagesAreOneTo2000CharactersAndRateLimited() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID booking = book(driver, spot(owner));
        post(driver, booking, "   ", 422);
        post(driver, booking, "x".repeat(2001), 422);
        assertThat(http.post("/api/v1/bookings/" + booking + "/messages", "{}", driver.auth())
                        .status())
                .isEqualTo(422);
        post(driver, booking, "x".repeat(2000), 201);
        for (int i = 0; i < 4; i++) {
            post(driver, booking, "message " + i, 201);
        }
        var limited = http.post("/api/v1/bookings/" + booking + "/messages", "{\"body\":\"one more\"}", driver.auth());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.json().get("detail").asString()).isEqualTo("Too many messages, please slow down");
    }
}
