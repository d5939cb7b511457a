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
}
