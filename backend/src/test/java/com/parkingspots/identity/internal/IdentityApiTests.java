package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** CONTRACT.md 3.1 and 3.3, Decisions 2, 3, 4, 9, 10, over real HTTP on the embedded PostgreSQL. */
class IdentityApiTests extends ApiTest {

    private static final byte[] TEST_KEY =
            "test-secret-key-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8);

    @Autowired
    JdbcClient jdbc;

    // --- registration ---

    @Test
    void registerReturns201WithTheUserAndNeverThePasswordHash() {
        String email = Api.uniqueEmail("reg");
        var response = api.register(email, "secret-password", "Maria Papadopoulou", "owner");
        assertThat(response.status()).isEqualTo(201);
        var user = response.json();
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("full_name").asString()).isEqualTo("Maria Papadopoulou");
        assertThat(user.get("role").asString()).isEqualTo("owner");
        assertThat(user.get("is_active").asBoolean()).isTrue();
        assertThat(user.get("is_verified").asBoolean()).isFalse();
        assertThat(user.get("phone_number").asString()).isEqualTo("+302100000000");
        assertThat(user.has("profile_image")).isTrue();
        assertThat(user.get("created_at").asString()).endsWith("Z");
        assertThat(response.body()).doesNotContain("hashed_password").doesNotContain("$2");
        assertThat(api.register(Api.uniqueEmail("d"), "secret-password", "No Role", "renter")
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("renter");
    }

    @Test
    void duplicateEmailIs409() {
        String email = Api.uniqueEmail("dup");
        assertThat(api.register(email, "secret-password", "First", "renter").status())
                .isEqualTo(201);
        var again = api.register(email, "other-password", "Second", "renter");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("Email already registered");
    }

    @Test
    void twoSimultaneousRegistrationsWithTheSameEmailCreateOneAccount() throws Exception {
        String email = Api.uniqueEmail("race");
        int threads = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.register(email, "secret-password", "Racer", "renter")
                            .status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void registeringAsAdminOrAnUnknownRoleIs422() {
        for (String role : new String[] {"admin", "superuser"}) {
            var response = api.register(Api.uniqueEmail("adm"), "secret-password", "Sneaky", role);
            assertThat(response.status()).as(role).isEqualTo(422);
            assertThat(response.json().get("detail").get(0).get("loc").get(1).asString())
                    .isEqualTo("role");
        }
    }

    @Test
    void passwordsNeedEightCharactersAndAtMost72Bytes() {
        assertThat(api.register(Api.uniqueEmail("pw"), "short", "Short Pw", "renter")
                        .status())
                .isEqualTo(422);
        String seventyThree = "é".repeat(36) + "x"; // 73 bytes in UTF-8, 37 characters
        var tooLong = api.register(Api.uniqueEmail("pw"), seventyThree, "Long Pw", "renter");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("detail").get(0).get("loc").get(1).asString())
                .isEqualTo("password");
        assertThat(api.register(Api.uniqueEmail("pw"), "x".repeat(72), "Max Pw", "renter")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void emailsAreNormalisedLikeTheExistingSystemDomainLowerCasedLocalPartKept() {
        String local = "Mixed.Case+" + UUID.randomUUID().toString().substring(0, 6);
        var response = api.register(local + "@Example.COM", "secret-password", "Case Person", "renter");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("email").asString()).isEqualTo(local + "@example.com");
        assertThat(api.login(local + "@EXAMPLE.com", "secret-password").status())
                .isEqualTo(200);
        assertThat(api.login(local.toLowerCase() + "@example.com", "secret-password")
                        .status())
                .isEqualTo(401);
        var named = api.register(
                "Someone <named-" + UUID.randomUUID() + "@example.org>", "secret-password", "Named", "renter");
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.json().get("email").asString()).startsWith("named-").endsWith("@example.org");
    }

    @Test
    void malformedAndSpecialUseEmailsAre422() {
        for (String email :
                new String[] {"no-at-sign", "a@b", "user@host.local", "user@site.test", "a b@example.com"}) {
            var response = api.register(email, "secret-password", "Bad Email", "renter");
            assertThat(response.status()).as(email).isEqualTo(422);
            assertThat(response.json().get("detail").get(0).get("loc").get(1).asString())
                    .isEqualTo("email");
        }
    }

    @Test
    void overLongFieldsAre422NotA500() {
        var phone = http.post(
                "/api/v1/auth/register",
                "{\"email\":\"%s\",\"password\":\"secret-password\",\"full_name\":\"Ph One\",\"phone_number\":\"%s\"}"
                        .formatted(Api.uniqueEmail("ph"), "1".repeat(21)));
        assertThat(phone.status()).isEqualTo(422);
        var name = http.post(
                "/api/v1/auth/register",
                "{\"email\":\"%s\",\"password\":\"secret-password\",\"full_name\":\"%s\"}"
                        .formatted(Api.uniqueEmail("nm"), "n".repeat(256)));
        assertThat(name.status()).isEqualTo(422);
        var missing = http.post("/api/v1/auth/register", "{\"email\":\"a@example.com\"}");
        assertThat(missing.status()).isEqualTo(422);
    }

    // --- login ---

    @Test
    void loginWithJsonOrFormReturnsABearerTokenPair() {
        var session = api.signUp("renter");
        var json = api.login(session.email(), Api.PASSWORD);
        assertThat(json.json().get("token_type").asString()).isEqualTo("bearer");
        assertThat(json.json().get("access_token").asString()).contains(".");
        assertThat(json.json().get("refresh_token").asString()).contains(".");

        var form = http.post(
                "/api/v1/auth/login",
                "username=" + session.email().replace("+", "%2B") + "&password=" + Api.PASSWORD,
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().get("access_token").asString()).isNotBlank();
    }

    @Test
    void wrongPasswordOrUnknownEmailIs401WithTheSameMessage() {
        var session = api.signUp("renter");
        var wrong = api.login(session.email(), "not-the-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(wrong.json().get("detail").asString()).isEqualTo("Incorrect email or password");
        var unknown = api.login(Api.uniqueEmail("nobody"), "whatever-password");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Incorrect email or password");
    }

    @Test
    void existingSystemsBcrypt2bHashesVerify() {
        String email = Api.uniqueEmail("legacy");
        String hash2a = new BCryptPasswordEncoder(12).encode("legacy-password");
        String hash2b = "$2b$" + hash2a.substring(4);
        assertThat(hash2b).startsWith("$2b$12$");
        jdbc.sql("INSERT INTO users (id, email, hashed_password, full_name) VALUES (?, ?, ?, 'Legacy User')")
                .params(UUID.randomUUID(), email, hash2b)
                .update();
        assertThat(api.login(email, "wrong-password").status()).isEqualTo(401);
        assertThat(api.login(email, "legacy-password").status()).isEqualTo(200);
        assertThat(api.login(email, "wrong-password").status()).isEqualTo(401);
    }

    @Test
    void aBcryptHashMadeByAnotherLibraryIsReplacedByArgon2idAtTheNextSuccessfulSignIn() {
        String email = Api.uniqueEmail("legacy");
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO users (id, email, hashed_password, full_name) VALUES (?, ?, ?, 'Legacy User')")
                .params(id, email, PasswordsTests.OTHER_LIBRARY_BCRYPT)
                .update();

        assertThat(api.login(email, "not-the-password").status()).isEqualTo(401);
        assertThat(storedHash(id))
                .as("a failed sign-in changes nothing")
                .isEqualTo(PasswordsTests.OTHER_LIBRARY_BCRYPT);

        var first = api.login(email, PasswordsTests.OTHER_LIBRARY_PASSWORD);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String upgraded = storedHash(id);
        assertThat(upgraded).startsWith("{argon2}$argon2id$");

        var second = api.login(email, PasswordsTests.OTHER_LIBRARY_PASSWORD);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(storedHash(id)).as("an Argon2id hash is kept").isEqualTo(upgraded);
        assertThat(api.login(email, "not-the-password").status()).isEqualTo(401);
        var me = http.get(
                "/api/v1/users/me",
                "Authorization",
                "Bearer " + first.json().get("access_token").asString());
        assertThat(me.status()).as("the upgrade ends no session").isEqualTo(200);
    }

    @Test
    void newPasswordsAreHashedWithArgon2id() {
        var session = api.signUp("renter");
        String hash = storedHash(session.id());
        // the test profile's cheap parameters; the production defaults are OWASP's minimum (PasswordsTests)
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=64,t=1,p=1$");
        var changed = http.post(
                "/api/v1/users/me/change-password",
                "{\"current_password\":\"%s\",\"new_password\":\"another-horse-battery\"}".formatted(Api.PASSWORD),
                session.auth());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(storedHash(session.id())).startsWith("{argon2}$argon2id$").isNotEqualTo(hash);
        assertThat(api.login(session.email(), "another-horse-battery").status()).isEqualTo(200);
    }

    private String storedHash(UUID userId) {
        return jdbc.sql("SELECT hashed_password FROM users WHERE id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }

    @Test
    void anAccountWithoutPasswordGets401OnLoginAnd400OnChangePassword() {
        String email = Api.uniqueEmail("google");
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO users (id, email, full_name, oauth_provider, oauth_id) VALUES (?, ?, 'G User', 'google', ?)")
                .params(id, email, "g-" + id)
                .update();
        var login = api.login(email, "any-password-at-all");
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.json().get("detail").asString()).isEqualTo("Incorrect email or password");

        String access = accessToken(id, Instant.now().plusSeconds(600));
        var change = http.post(
                "/api/v1/users/me/change-password",
                "{\"current_password\":\"whatever-1\",\"new_password\":\"whatever-2\"}",
                "Authorization",
                "Bearer " + access);
        assertThat(change.status()).isEqualTo(400);
    }

    // --- tokens ---

    @Test
    void accessTokenOpensUsersMe() {
        var session = api.signUp("owner");
        var me = http.get("/api/v1/users/me", session.auth());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(session.id().toString());
        assertThat(me.json().get("email").asString()).isEqualTo(session.email());
        assertThat(me.json().get("role").asString()).isEqualTo("owner");
        var lowerCaseScheme = http.get("/api/v1/users/me", "Authorization", "bearer " + session.accessToken());
        assertThat(lowerCaseScheme.status()).isEqualTo(200);
    }

    @Test
    void tokensCarryTheContractsClaims() {
        var session = api.signUp("renter");
        var claims = new Jwt(TEST_KEY).verify(session.accessToken()).orElseThrow();
        assertThat(claims.get("sub").asString()).isEqualTo(session.id().toString());
        assertThat(claims.get("type").asString()).isEqualTo("access");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(30 * 60);
        assertThat(claims.has("jti")).isTrue();
        var refresh = new Jwt(TEST_KEY).verify(session.refreshToken()).orElseThrow();
        assertThat(refresh.get("type").asString()).isEqualTo("refresh");
        assertThat(refresh.get("exp").asLong() - refresh.get("iat").asLong()).isEqualTo(7 * 24 * 3600);
    }

    @Test
    void forgedExpiredMistypedAndUnknownTokensAreRejectedWith401() {
        var session = api.signUp("renter");
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String claims = "{\"sub\":\"%s\",\"exp\":%d,\"type\":\"access\"}".formatted(session.id(), exp);
        Map<String, String> bad = Map.of(
                "alg none", unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims),
                "other algorithm", hs256WithHeader("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", claims),
                "bad signature",
                        new Jwt("another-key-another-key-another-key!".getBytes(StandardCharsets.UTF_8))
                                .sign(Map.of("sub", session.id().toString(), "exp", exp, "type", "access")),
                "expired", accessToken(session.id(), Instant.now().minusSeconds(5)),
                "refresh as access", session.refreshToken(),
                "unknown user", accessToken(UUID.randomUUID(), Instant.now().plusSeconds(600)),
                "not a uuid subject", new Jwt(TEST_KEY).sign(Map.of("sub", "admin", "exp", exp, "type", "access")),
                "garbage", "a.b.c");
        bad.forEach((why, token) -> {
            var response = http.get("/api/v1/users/me", "Authorization", "Bearer " + token);
            assertThat(response.status()).as(why).isEqualTo(401);
            assertThat(response.json().get("detail").asString()).as(why).isEqualTo("Could not validate credentials");
            assertThat(response.header("WWW-Authenticate")).as(why).isEqualTo("Bearer");
        });
        var accessAsRefresh =
                http.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + session.accessToken() + "\"}");
        assertThat(accessAsRefresh.status()).isEqualTo(401);
        assertThat(accessAsRefresh.json().get("detail").asString()).isEqualTo("Invalid refresh token");
        var noHeader = http.get("/api/v1/users/me");
        assertThat(noHeader.json().get("detail").asString()).isEqualTo("Not authenticated");
    }

    @Test
    void tokensOfThePreviousBackendWithoutJtiStillWork() {
        var session = api.signUp("renter");
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String legacyAccess =
                new Jwt(TEST_KEY).sign(Map.of("sub", session.id().toString(), "exp", exp, "type", "access"));
        assertThat(http.get("/api/v1/users/me", "Authorization", "Bearer " + legacyAccess)
                        .status())
                .isEqualTo(200);
        String legacyRefresh =
                new Jwt(TEST_KEY).sign(Map.of("sub", session.id().toString(), "exp", exp, "type", "refresh"));
        assertThat(refresh(legacyRefresh).status()).isEqualTo(200);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        var session = api.signUp("renter");
        var first = refresh(session.refreshToken());
        assertThat(first.status()).isEqualTo(200);
        String newAccess = first.json().get("access_token").asString();
        String newRefresh = first.json().get("refresh_token").asString();
        assertThat(newRefresh).isNotEqualTo(session.refreshToken());
        assertThat(http.get("/api/v1/users/me", "Authorization", "Bearer " + newAccess)
                        .status())
                .isEqualTo(200);

        var reuse = refresh(session.refreshToken());
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().get("detail").asString()).isEqualTo("Invalid refresh token");
        assertThat(refresh(newRefresh).status())
                .as("the family is revoked after reuse")
                .isEqualTo(401);
    }

    @Test
    void logoutRevokesTheSessionsRefreshTokens() {
        var session = api.signUp("renter");
        var logout = http.post("/api/v1/auth/logout", "{\"refresh_token\":\"" + session.refreshToken() + "\"}");
        assertThat(logout.status()).isEqualTo(200);
        assertThat(refresh(session.refreshToken()).status()).isEqualTo(401);
    }

    @Test
    void passwordChangeRevokesEveryRefreshToken() {
        var session = api.signUp("renter");
        var otherDevice = api.login(session.email(), Api.PASSWORD)
                .json()
                .get("refresh_token")
                .asString();
        var wrong = http.post(
                "/api/v1/users/me/change-password",
                "{\"current_password\":\"not-it-at-all\",\"new_password\":\"brand-new-password\"}",
                session.auth());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asString()).isEqualTo("Incorrect current password");
        var changed = http.post(
                "/api/v1/users/me/change-password",
                "{\"current_password\":\"%s\",\"new_password\":\"brand-new-password\"}".formatted(Api.PASSWORD),
                session.auth());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("message").asString()).isEqualTo("Password changed successfully");
        assertThat(refresh(session.refreshToken()).status()).isEqualTo(401);
        assertThat(refresh(otherDevice).status()).isEqualTo(401);
        assertThat(api.login(session.email(), Api.PASSWORD).status()).isEqualTo(401);
        assertThat(api.login(session.email(), "brand-new-password").status()).isEqualTo(200);
    }

    @Test
    void deletedAccountsAreLockedOutWithTheContractsMessages() {
        var session = api.signUp("renter");
        var deleted = http.send("DELETE", "/api/v1/users/me", null, session.auth());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asString()).isEqualTo("Account deactivated successfully");

        var me = http.get("/api/v1/users/me", session.auth());
        assertThat(me.status()).isEqualTo(400);
        assertThat(me.json().get("detail").asString()).isEqualTo("Inactive user");
        var login = api.login(session.email(), Api.PASSWORD);
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.json().get("detail").asString()).isEqualTo("User account is inactive");
        assertThat(refresh(session.refreshToken()).status()).isEqualTo(401);
        var wrongPassword = api.login(session.email(), "not-the-password");
        assertThat(wrongPassword.status())
                .as("inactive is only revealed after a correct password")
                .isEqualTo(401);
    }

    @Test
    void refreshOfADeactivatedUsersLegacyTokenSaysUserNotFoundOrInactive() {
        var session = api.signUp("renter");
        http.send("DELETE", "/api/v1/users/me", null, session.auth());
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String legacyRefresh =
                new Jwt(TEST_KEY).sign(Map.of("sub", session.id().toString(), "exp", exp, "type", "refresh"));
        var response = refresh(legacyRefresh);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("User not found or inactive");
    }

    // --- profile ---

    @Test
    void profileUpdatesApplyOnlyTheKeysSentAndNeverPrivilegedFields() {
        var session = api.signUp("renter");
        var response = http.send("PUT", "/api/v1/users/me", """
                {"full_name": "New Name", "latitude": 37.98, "email": "hijack@example.com", "role": "admin",
                 "is_active": false, "is_verified": true, "id": "%s"}""".formatted(UUID.randomUUID()), session.auth());
        assertThat(response.status()).isEqualTo(200);
        var user = response.json();
        assertThat(user.get("full_name").asString()).isEqualTo("New Name");
        assertThat(user.get("latitude").asDouble()).isEqualTo(37.98);
        assertThat(user.get("phone_number").asString()).isEqualTo("+302100000000");
        assertThat(user.get("email").asString()).isEqualTo(session.email());
        assertThat(user.get("role").asString()).isEqualTo("renter");
        assertThat(user.get("is_active").asBoolean()).isTrue();
        assertThat(user.get("is_verified").asBoolean()).isFalse();
        assertThat(user.get("id").asString()).isEqualTo(session.id().toString());

        var cleared = http.send("PUT", "/api/v1/users/me", "{\"phone_number\": null}", session.auth());
        assertThat(cleared.json().get("phone_number").isNull()).isTrue();
    }

    @Test
    void invalidProfileUpdatesAre422AndChangeNothing() {
        var session = api.signUp("renter");
        for (String body : new String[] {
            "{\"full_name\": null}",
            "{\"full_name\": \"x\"}",
            "{\"latitude\": 91}",
            "{\"phone_number\": \"" + "9".repeat(21) + "\"}",
            "[1, 2]"
        }) {
            var response = http.send("PUT", "/api/v1/users/me", body, session.auth());
            assertThat(response.status()).as(body).isEqualTo(422);
        }
        var mixed = http.send(
                "PUT", "/api/v1/users/me", "{\"full_name\": \"Valid Name\", \"latitude\": 999}", session.auth());
        assertThat(mixed.status()).isEqualTo(422);
        assertThat(http.get("/api/v1/users/me", session.auth())
                        .json()
                        .get("full_name")
                        .asString())
                .isEqualTo("Test renter");
    }

    @Test
    void publicProfilesShowNeitherEmailNorPhone() {
        var session = api.signUp("owner");
        var profile = http.get("/api/v1/users/" + session.id());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().propertyNames())
                .containsExactlyInAnyOrder("id", "full_name", "profile_image", "role", "created_at");
        assertThat(profile.body()).doesNotContain(session.email()).doesNotContain("+30210");
        var malformed = http.get("/api/v1/users/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().get("detail").asString()).isEqualTo("User not found");
        assertThat(http.get("/api/v1/users/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/users/me").status())
                .as("/users/me wins over /users/{id}")
                .isEqualTo(401);
    }

    private Http.Response refresh(String refreshToken) {
        return http.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private static String accessToken(UUID subject, Instant expires) {
        return new Jwt(TEST_KEY)
                .sign(Map.of("sub", subject.toString(), "exp", expires.getEpochSecond(), "type", "access"));
    }

    private static String unsigned(String header, String claims) {
        var b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String hs256WithHeader(String header, String claims) {
        try {
            var b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            var mac = javax.crypto.Mac.getInstance("HmacSHA512");
            mac.init(new javax.crypto.spec.SecretKeySpec(TEST_KEY, "HmacSHA512"));
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
