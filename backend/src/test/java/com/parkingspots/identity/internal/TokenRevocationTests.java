package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The token epoch (ADR 3): a password change, logout everywhere and account deletion refuse every access token issued
 * before them at once, with 401 {@code Could not validate credentials}; tokens issued after them work, even within the
 * same second; tokens of the previous backend work until the user's first epoch. Over real HTTP.
 */
class TokenRevocationTests extends ApiTest {

    private static final byte[] TEST_KEY =
            "test-secret-key-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPasswordChangeRefusesEveryAccessTokenIssuedBeforeItAtOnce() {
        var session = api.signUp("renter");
        String otherDevice = login(session.email(), Api.PASSWORD);
        assertThat(me(session.accessToken()).status()).isEqualTo(200);
        assertThat(me(otherDevice).status()).isEqualTo(200);

        var changed = changePassword(session.accessToken(), Api.PASSWORD, "brand-new-password");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        for (String revoked : List.of(session.accessToken(), otherDevice)) {
            var refused = me(revoked);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("detail").asString()).isEqualTo("Could not validate credentials");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(me(login(session.email(), "brand-new-password")).status()).isEqualTo(200);
    }

    @Test
    void aTokenIssuedInTheSameSecondRightAfterAPasswordChangeWorks() {
        // iat has whole seconds: only iat_ms tells this token from one issued just before the change
        for (int attempt = 0; attempt < 20; attempt++) {
            var session = api.signUp("renter");
            assertThat(changePassword(session.accessToken(), Api.PASSWORD, "brand-new-password")
                            .status())
                    .isEqualTo(200);
            String fresh = login(session.email(), "brand-new-password");
            Instant epoch = epochOf(session.id());
            long iat = new Jwt(TEST_KEY).verify(fresh).orElseThrow().get("iat").asLong();
            if (iat != epoch.getEpochSecond()) {
                continue; // the second ticked in between: try again, the case to test is the same second
            }
            assertThat(me(fresh).status())
                    .as("a token issued %s, epoch %s", Instant.ofEpochSecond(iat), epoch)
                    .isEqualTo(200);
            assertThat(me(session.accessToken()).status()).isEqualTo(401);
            return;
        }
        throw new AssertionError("never managed to change a password and sign in within one second");
    }

    @Test
    void logoutEverywhereEndsEverySessionOfTheUserAndNoOneElses() {
        var session = api.signUp("renter");
        var otherDevice = api.login(session.email(), Api.PASSWORD).json();
        var someoneElse = api.signUp("renter");

        var loggedOut = http.post("/api/v1/auth/logout-all", "", session.auth());
        assertThat(loggedOut.status()).as(loggedOut.body()).isEqualTo(200);
        assertThat(loggedOut.json().get("message").asString()).isEqualTo("Successfully logged out everywhere");

        assertThat(me(session.accessToken()).status()).isEqualTo(401);
        assertThat(me(otherDevice.get("access_token").asString()).status()).isEqualTo(401);
        for (String refreshToken :
                List.of(session.refreshToken(), otherDevice.get("refresh_token").asString())) {
            var refreshed = refresh(refreshToken);
            assertThat(refreshed.status()).isEqualTo(401);
            assertThat(refreshed.json().get("detail").asString()).isEqualTo("Invalid refresh token");
        }
        assertThat(me(someoneElse.accessToken()).status()).isEqualTo(200);
        assertThat(refresh(someoneElse.refreshToken()).status()).isEqualTo(200);
        assertThat(me(login(session.email(), Api.PASSWORD)).status())
                .as("signing in again works")
                .isEqualTo(200);
    }

    @Test
    void logoutEverywhereNeedsAValidAccessToken() {
        var anonymous = http.post("/api/v1/auth/logout-all", "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asString()).isEqualTo("Not authenticated");
        var session = api.signUp("renter");
        var withRefreshToken =
                http.post("/api/v1/auth/logout-all", "", "Authorization", "Bearer " + session.refreshToken());
        assertThat(withRefreshToken.status()).isEqualTo(401);
        assertThat(me(session.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesThePresentedRefreshTokenOnly() {
        var session = api.signUp("renter");
        var otherDevice = api.login(session.email(), Api.PASSWORD).json();
        var logout = http.post("/api/v1/auth/logout", "{\"refresh_token\":\"" + session.refreshToken() + "\"}");
        assertThat(logout.status()).isEqualTo(200);
        assertThat(refresh(session.refreshToken()).status()).isEqualTo(401);
        assertThat(refresh(otherDevice.get("refresh_token").asString()).status())
                .as("another device's session goes on")
                .isEqualTo(200);
    }

    @Test
    void tokensOfThePreviousBackendWorkUntilTheUsersSessionsAreEnded() {
        var session = api.signUp("renter");
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String legacyAccess = sign(Map.of("sub", session.id().toString(), "exp", exp, "type", "access"));
        String legacyRefresh = sign(Map.of("sub", session.id().toString(), "exp", exp, "type", "refresh"));
        assertThat(me(legacyAccess).status()).as("no epoch yet").isEqualTo(200);

        assertThat(http.post("/api/v1/auth/logout-all", "", session.auth()).status())
                .isEqualTo(200);
        assertThat(me(legacyAccess).status())
                .as("without an issue time a token cannot prove it is newer than the epoch")
                .isEqualTo(401);
        assertThat(refresh(legacyRefresh).status())
                .as("a legacy refresh token has no row to revoke: the epoch stops it")
                .isEqualTo(401);
    }

    @Test
    void issueTimesAreComparedWithTheEpochConservatively() {
        var session = api.signUp("renter");
        assertThat(http.post("/api/v1/auth/logout-all", "", session.auth()).status())
                .isEqualTo(200);
        Instant epoch = epochOf(session.id());
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String sub = session.id().toString();

        assertThat(me(token(sub, exp, epoch.getEpochSecond(), null)).status())
                .as("iat in the epoch's second may be before it")
                .isEqualTo(401);
        assertThat(me(token(sub, exp, epoch.getEpochSecond() + 1, null)).status())
                .as("iat in the next second is after it")
                .isEqualTo(200);
        assertThat(me(token(sub, exp, epoch.getEpochSecond(), epoch.toEpochMilli()))
                        .status())
                .as("issued at the epoch's millisecond")
                .isEqualTo(401);
        assertThat(me(token(sub, exp, epoch.getEpochSecond(), epoch.toEpochMilli() + 1))
                        .status())
                .as("issued a millisecond after the epoch")
                .isEqualTo(200);
    }

    @Test
    void deletingTheAccountRefusesItsTokensAtOnceAndSetsTheEpoch() {
        var session = api.signUp("renter");
        assertThat(me(session.accessToken()).status()).isEqualTo(200);
        Instant before = Instant.now().minusSeconds(1);
        assertThat(http.send("DELETE", "/api/v1/users/me", null, session.auth()).status())
                .isEqualTo(200);
        var refused = me(session.accessToken());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).isEqualTo("Inactive user");
        assertThat(epochOf(session.id()))
                .as("should the account be reactivated, its old tokens stay dead")
                .isAfter(before);
    }

    @Test
    void requestsAreAuthenticatedFromMemoryNotFromTheUsersRow() {
        var session = api.signUp("renter");
        assertThat(http.get("/api/v1/admin/users", session.auth()).status()).isEqualTo(403);
        // a change behind the application's back (no event): the cached role stands until the entry ages out
        jdbc.sql("UPDATE users SET role = 'admin' WHERE id = ?")
                .param(session.id())
                .update();
        assertThat(http.get("/api/v1/admin/users", session.auth()).status()).isEqualTo(403);
        jdbc.sql("UPDATE users SET role = 'renter' WHERE id = ?")
                .param(session.id())
                .update();
    }

    private Http.Response me(String accessToken) {
        return http.get("/api/v1/users/me", "Authorization", "Bearer " + accessToken);
    }

    private Http.Response refresh(String refreshToken) {
        return http.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private Http.Response changePassword(String accessToken, String current, String next) {
        return http.post(
                "/api/v1/users/me/change-password",
                "{\"current_password\":\"%s\",\"new_password\":\"%s\"}".formatted(current, next),
                "Authorization",
                "Bearer " + accessToken);
    }

    private String login(String email, String password) {
        var login = api.login(email, password);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("access_token").asString();
    }

    private Instant epochOf(UUID userId) {
        return jdbc.sql("SELECT tokens_valid_after FROM users WHERE id = ?")
                .param(userId)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    private static String token(String sub, long exp, long iat, Long iatMillis) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("exp", exp);
        claims.put("type", "access");
        claims.put("iat", iat);
        if (iatMillis != null) {
            claims.put("iat_ms", iatMillis);
        }
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    private static String sign(Map<String, Object> claims) {
        return new Jwt(TEST_KEY).sign(claims);
    }
}
