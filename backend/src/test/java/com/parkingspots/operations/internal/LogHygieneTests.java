package com.parkingspots.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.shared.config.PlatformProperties;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What the application logs while it handles credentials: the request id on the lines of a request, never a password,
 * an access or refresh token, a WebSocket {@code ?token=} or {@code ?ticket=}, or an emailed reset token.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTests extends ApiTest {

    private static final Pattern RESET_TOKEN = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    PlatformProperties platform;

    @Test
    void signInRefreshWebSocketTicketAndPasswordResetLeaveNoSecretInTheLog(CapturedOutput output) throws Exception {
        String requestId = "log-hygiene-" + UUID.randomUUID().toString().substring(0, 8);
        String[] traced = {"X-Request-Id", requestId};
        String email = Api.uniqueEmail("hygiene");
        String password = "hygiene-" + UUID.randomUUID();
        List<String> secrets = new ArrayList<>(List.of(password));

        assertThat(api.register(email, password, "Log Hygiene", "renter").status())
                .isEqualTo(201);
        var login = http.post(
                "/api/v1/auth/login", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password), traced);
        assertThat(login.status()).isEqualTo(200);
        String access = login.json().get("access_token").asString();
        String refresh = login.json().get("refresh_token").asString();
        secrets.add(access);
        secrets.add(refresh);
        var form = http.send(
                "POST",
                "/api/v1/auth/login",
                "username=" + email + "&password=" + password,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "X-Request-Id",
                requestId);
        assertThat(form.status()).isEqualTo(200);
        var wrong = api.login(email, password + "-wrong");
        assertThat(wrong.status()).isEqualTo(401);
        secrets.add(password + "-wrong");

        var refreshed = http.post("/api/v1/auth/refresh", "{\"refresh_token\": \"%s\"}".formatted(refresh), traced);
        assertThat(refreshed.status()).isEqualTo(200);
        secrets.add(refreshed.json().get("access_token").asString());
        secrets.add(refreshed.json().get("refresh_token").asString());
        // a replayed refresh token and a garbage bearer are refused: still nothing of them in the log
        assertThat(http.post("/api/v1/auth/refresh", "{\"refresh_token\": \"%s\"}".formatted(refresh), traced)
                        .status())
                .isEqualTo(401);
        String garbage = "garbage-" + UUID.randomUUID();
        secrets.add(garbage);
        assertThat(http.get("/api/v1/users/me", "Authorization", "Bearer " + garbage, "X-Request-Id", requestId)
                        .status())
                .isEqualTo(401);

        WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("X-Request-Id", requestId)
                .buildAsync(
                        URI.create("ws://127.0.0.1:" + port + "/api/v1/ws?token=" + access),
                        new WebSocket.Listener() {})
                .get(10, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        var ticketed =
                http.post("/api/v1/ws/ticket", "", "Authorization", "Bearer " + access, "X-Request-Id", requestId);
        assertThat(ticketed.status()).isEqualTo(200);
        String ticket = ticketed.json().get("ticket").asString();
        secrets.add(ticket);
        HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("X-Request-Id", requestId)
                .buildAsync(
                        URI.create("ws://127.0.0.1:" + port + "/api/v1/ws?ticket=" + ticket),
                        new WebSocket.Listener() {})
                .get(10, TimeUnit.SECONDS)
                .sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                .get(10, TimeUnit.SECONDS);
        try {
            HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(
                            URI.create("ws://127.0.0.1:" + port + "/api/v1/ws?ticket=" + ticket),
                            new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS)
                    .abort();
            throw new AssertionError("a used ticket must be refused");
        } catch (java.util.concurrent.ExecutionException | CompletionException refused) {
            assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        }
        String badWsToken = "ws-" + UUID.randomUUID();
        secrets.add(badWsToken);
        try {
            HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(
                            URI.create("ws://127.0.0.1:" + port + "/api/v1/ws?token=" + badWsToken),
                            new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS)
                    .abort();
            throw new AssertionError("an invalid ?token= must be refused");
        } catch (java.util.concurrent.ExecutionException | CompletionException refused) {
            assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        }

        assertThat(http.post("/api/v1/auth/forgot-password", "{\"email\": \"%s\"}".formatted(email), traced)
                        .status())
                .isEqualTo(200);
        String resetToken = awaitResetToken(email);
        secrets.add(resetToken);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!output.getOut().contains("Reset your ParkingSpots password") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        String log = output.getAll();
        // the reset email's line is written in the background, and still carries the request's id
        assertThat(log).containsPattern(Pattern.quote("[" + requestId + "]") + ".*Reset your ParkingSpots password");
        for (String secret : secrets) {
            assertThat(log).as("the log holds a secret").doesNotContain(secret);
        }
        assertThat(log).doesNotContain("token=" + access.substring(0, 20)).doesNotContainIgnoringCase("Bearer ");
    }

    private String awaitResetToken(String email) throws InterruptedException, IOException {
        Path outbox = platform.dataDir().resolve("outbox");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    for (Path file : files.toList()) {
                        String text = Files.readString(file);
                        Matcher matcher = RESET_TOKEN.matcher(text);
                        if (text.contains("To: " + email) && matcher.find()) {
                            return matcher.group(1);
                        }
                    }
                }
            }
            Thread.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("no reset email for " + email + " in " + outbox);
    }
}
