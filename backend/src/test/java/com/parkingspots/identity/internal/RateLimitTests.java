package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Abuse limits at their production default (5 a minute) behind a trusted proxy on loopback, so each test can speak for
 * clients of its own addresses through {@code X-Forwarded-For}. Its own Spring context: the rest of the suite runs with
 * the limit raised.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "parkingspots.identity.auth-rate-limit-per-minute=5",
            "parkingspots.identity.trusted-proxies=127.0.0.1,::1"
        })
class RateLimitTests extends ApiTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** A documentation-range address no other test uses. */
    private static String newClientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0.113." + n;
    }

    @Test
    void loginIsLimitedPerClientAddressWith429RetryAfterAndADetail() {
        String client = newClientAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(login(Api.uniqueEmail("guess"), client).status()).isEqualTo(401);
        }
        var refused = login(Api.uniqueEmail("guess"), client);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).isEqualTo("Too many requests, try again later");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(login(Api.uniqueEmail("guess"), newClientAddress()).status())
                .as("another client is not affected")
                .isEqualTo(401);
    }

    @Test
    void loginIsLimitedPerAccountWhateverTheAddress() {
        String email = Api.uniqueEmail("target");
        assertThat(api.register(email, Api.PASSWORD, "Targeted Person", "renter")
                        .status())
                .isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(http.post(
                                    "/api/v1/auth/login",
                                    "{\"email\": \"%s\", \"password\": \"wrong-%d\"}".formatted(email, i),
                                    "X-Forwarded-For",
                                    newClientAddress())
                            .status())
                    .isEqualTo(401);
        }
        var refused = http.post(
                "/api/v1/auth/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email.toUpperCase(), Api.PASSWORD),
                "X-Forwarded-For",
                newClientAddress());
        assertThat(refused.status())
                .as("even with the right password, once guessing used the budget")
                .isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
    }

    @Test
    void spoofedForwardedForEntriesLeftOfTheProxyDoNotEvadeTheLimit() {
        String client = newClientAddress();
        for (int i = 0; i < 5; i++) {
            login(Api.uniqueEmail("spoof"), "198.51.100." + i + ", " + client);
        }
        var refused = login(Api.uniqueEmail("spoof"), "198.51.100.99, " + client);
        assertThat(refused.status()).isEqualTo(429);
    }

    @Test
    void registerForgotResetAndVerifyAreLimitedToo() {
        assertLimited(client -> http.post(
                "/api/v1/auth/register",
                """
                {"email": "%s", "password": "%s", "full_name": "Mass Signup", "role": "renter"}""".formatted(Api.uniqueEmail("mass"), Api.PASSWORD),
                "X-Forwarded-For",
                client));
        assertLimited(client -> http.post(
                "/api/v1/auth/forgot-password",
                "{\"email\": \"%s\"}".formatted(Api.uniqueEmail("spam")),
                "X-Forwarded-For",
                client));
        assertLimited(client -> http.post(
                "/api/v1/auth/reset-password",
                "{\"token\": \"guess\", \"new_password\": \"long-enough-password\"}",
                "X-Forwarded-For",
                client));
        assertLimited(
                client -> http.post("/api/v1/auth/verify-email", "{\"token\": \"guess\"}", "X-Forwarded-For", client));
    }

    @Test
    void forgotPasswordIsLimitedPerAccount() {
        String email = Api.uniqueEmail("inbox-flood");
        for (int i = 0; i < 5; i++) {
            assertThat(forgot(email, newClientAddress()).status()).isEqualTo(200);
        }
        assertThat(forgot(email, newClientAddress()).status()).isEqualTo(429);
    }

    private void assertLimited(Function<String, Http.Response> attempt) {
        String client = newClientAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(attempt.apply(client).status()).isNotEqualTo(429);
        }
        var refused = attempt.apply(client);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).isEqualTo("Too many requests, try again later");
    }

    private Http.Response login(String email, String forwardedFor) {
        return http.post(
                "/api/v1/auth/login",
                "{\"email\": \"%s\", \"password\": \"not-the-password\"}".formatted(email),
                "X-Forwarded-For",
                forwardedFor);
    }

    private Http.Response forgot(String email, String client) {
        return http.post(
                "/api/v1/auth/forgot-password", "{\"email\": \"%s\"}".formatted(email), "X-Forwarded-For", client);
    }
}
