package com.parkingspots.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test-side shortcuts over real HTTP: sign up users of a role and act as them. */
public final class Api {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    public static final String PASSWORD = "correct-horse-battery";

    private final Http http;

    public Api(Http http) {
        this.http = http;
    }

    public Http http() {
        return http;
    }

    /** A signed-in user. */
    public record Session(UUID id, String email, String accessToken, String refreshToken) {
        public String[] auth() {
            return new String[] {"Authorization", "Bearer " + accessToken};
        }
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public Http.Response register(String email, String password, String fullName, String role) {
        return http.post("/api/v1/auth/register", """
                {"email": "%s", "password": "%s", "full_name": "%s", "phone_number": "+302100000000", "role": "%s"}""".formatted(email, password, fullName, role));
    }

    public Http.Response login(String email, String password) {
        return http.post("/api/v1/auth/login", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
    }

    public Session signUp(String role) {
        String email = uniqueEmail(role);
        var registered = register(email, PASSWORD, "Test " + role, role);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var login = login(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Session(
                UUID.fromString(registered.json().get("id").asString()),
                email,
                login.json().get("access_token").asString(),
                login.json().get("refresh_token").asString());
    }

    /**
     * Lists a spot as this owner (CONTRACT.md 3.4) and returns its id. {@code extraJson} adds or overrides fields, e.g.
     * {@code "\"daily_rate\": 2000"}.
     */
    public UUID createSpot(Session owner, String extraJson) {
        String body = """
                {"title": "Test spot %s", "address": "Tsimiski 20", "city": "Thessaloniki", "state": "Central Macedonia",
                 "zip_code": "54624", "latitude": 40.6326, "longitude": 22.9410, "hourly_rate": 300,
                 "spot_type": "garage"%s}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8), extraJson.isBlank() ? "" : ", " + extraJson);
        var created = http.post("/api/v1/parking-spots/", body, owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }
}
