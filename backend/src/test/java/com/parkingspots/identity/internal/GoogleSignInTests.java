package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.parkingspots.support.Api;
import com.parkingspots.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /oauth/google} (CONTRACT.md 3.2) against a local JWKS signed with a test key. */
class GoogleSignInTests extends IdentityFlowsTest {

    @Test
    void aValidTokenCreatesAPasswordlessAccountAndSignsIn() {
        String email = Api.uniqueEmail("google");
        var response = google(googleToken(email, c -> c.claim("name", "Eleni Google")), "owner");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var body = response.json();
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(body.get("refresh_token").asString()).isNotBlank();
        var user = body.get("user");
        assertThat(user.propertyNames())
                .containsExactlyInAnyOrder("id", "email", "full_name", "role", "profile_image", "is_verified");
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("full_name").asString()).isEqualTo("Eleni Google");
        assertThat(user.get("role").asString()).isEqualTo("owner");
        assertThat(user.get("profile_image").asString()).isEqualTo("https://lh3.googleusercontent.com/a/test-picture");
        assertThat(user.get("is_verified").asBoolean()).isTrue();

        var me = http.get(
                "/api/v1/users/me",
                "Authorization",
                "Bearer " + body.get("access_token").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(user.get("id").asString());
        assertThat(api.login(email, "any-password-at-all").status())
                .as("no password was set")
                .isEqualTo(401);
    }

    @Test
    void theSameGoogleIdentitySignsIntoTheSameAccount() {
        String subject = "sub-" + UUID.randomUUID();
        String email = Api.uniqueEmail("again");
        var first = google(googleToken(GOOGLE_KEY, subject, email, c -> {}), "renter");
        var second = google(googleToken(GOOGLE_KEY, subject, Api.uniqueEmail("changed"), c -> {}), "owner");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("user").get("id").asString())
                .isEqualTo(first.json().get("user").get("id").asString());
        assertThat(second.json().get("user").get("role").asString())
                .as("the role is only chosen at sign-up")
                .isEqualTo("renter");
    }

    @Test
    void aVerifiedEmailLinksToTheExistingPasswordAccount() {
        var existing = api.signUp("renter");
        var response = google(googleToken(existing.email(), c -> {}), "owner");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var user = response.json().get("user");
        assertThat(user.get("id").asString()).isEqualTo(existing.id().toString());
        assertThat(user.get("role").asString()).isEqualTo("renter");
        assertThat(user.get("is_verified").asBoolean()).isTrue();
        assertThat(user.get("profile_image").asString()).startsWith("https://lh3.googleusercontent.com/");
        assertThat(api.login(existing.email(), Api.PASSWORD).status())
                .as("the password still works")
                .isEqualTo(200);
    }

    @Test
    void anUnverifiedEmailDoesNotTakeOverAnExistingAccount() {
        var existing = api.signUp("renter");
        var response = google(googleToken(existing.email(), c -> c.claim("email_verified", false)), "renter");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("sign in with your password");
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String forged = googleToken(FORGED_KEY, "sub-" + UUID.randomUUID(), Api.uniqueEmail("forged"), c -> {});
        assertInvalid(google(forged, "renter"), "bad signature");
    }

    @Test
    void aTokenSignedWithAnUnknownKeyIdIsRefused() throws Exception {
        var unknown = new RSAKeyGenerator(2048).keyID("not-googles").generate();
        assertInvalid(
                google(googleToken(unknown, "sub-x", Api.uniqueEmail("kid"), c -> {}), "renter"),
                "unknown signing key");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertInvalid(
                google(
                        googleToken(Api.uniqueEmail("aud"), c -> c.audience("someone-else.apps.googleusercontent.com")),
                        "renter"),
                "wrong audience");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertInvalid(
                google(googleToken(Api.uniqueEmail("iss"), c -> c.issuer("https://accounts.evil.example")), "renter"),
                "wrong issuer");
    }

    @Test
    void bothOfGooglesIssuerSpellingsAreAccepted() {
        var response = google(googleToken(Api.uniqueEmail("iss2"), c -> c.issuer("accounts.google.com")), "renter");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefusedBeyondOneMinuteOfClockSkew() {
        Instant twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2));
        assertInvalid(
                google(
                        googleToken(
                                Api.uniqueEmail("exp"),
                                c -> c.issueTime(Date.from(twoMinutesAgo.minusSeconds(3600)))
                                        .expirationTime(Date.from(twoMinutesAgo))),
                        "renter"),
                "token expired");
        Instant secondsAgo = Instant.now().minusSeconds(10);
        assertThat(google(googleToken(Api.uniqueEmail("skew"), c -> c.expirationTime(Date.from(secondsAgo))), "renter")
                        .status())
                .as("within the allowed skew")
                .isEqualTo(200);
    }

    @Test
    void unsignedAndHmacSignedTokensAreRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(GOOGLE_CLIENT_ID)
                .subject("sub-none")
                .claim("email", Api.uniqueEmail("none"))
                .claim("email_verified", true)
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .build();
        assertThat(google(new PlainJWT(claims).serialize(), "renter").status()).isEqualTo(401);
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID("google-test-key")
                        .build(),
                claims);
        hmac.sign(new MACSigner("a-shared-secret-that-is-long-enough-for-hs256!!")); // alg confusion attempt
        assertInvalid(google(hmac.serialize(), "renter"), "unexpected signing algorithm");
        assertInvalid(google("not.a.jwt", "renter"), "malformed token");
    }

    @Test
    void inactiveUsersCannotSignInWithGoogle() {
        String subject = "sub-" + UUID.randomUUID();
        String email = Api.uniqueEmail("inactive");
        var first = google(googleToken(GOOGLE_KEY, subject, email, c -> {}), "renter");
        String access = first.json().get("access_token").asString();
        assertThat(http.send("DELETE", "/api/v1/users/me", null, "Authorization", "Bearer " + access)
                        .status())
                .isEqualTo(200);
        var again = google(googleToken(GOOGLE_KEY, subject, email, c -> {}), "renter");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).isEqualTo("User account is inactive");
        assertThat(again.body()).doesNotContain("access_token");
    }

    @Test
    void onlyOwnerAndRenterRolesAreHonoured() {
        var admin = google(googleToken(Api.uniqueEmail("role"), c -> {}), "admin");
        assertThat(admin.json().get("user").get("role").asString()).isEqualTo("renter");
        var none = http.post(
                "/api/v1/oauth/google", "{\"token\": \"%s\"}".formatted(googleToken(Api.uniqueEmail("r"), c -> {})));
        assertThat(none.json().get("user").get("role").asString()).isEqualTo("renter");
        assertThat(http.post("/api/v1/oauth/google", "{}").status()).isEqualTo(422);
    }

    @Test
    void configurationEndpointsTellTheClientWhatIsOn() {
        var config = http.get("/api/v1/oauth/google/config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("client_id").asString()).isEqualTo(GOOGLE_CLIENT_ID);
        assertThat(config.json().get("redirect_uri").asString())
                .isEqualTo("http://parkingspots.example/auth/google/callback");
        var providers = http.get("/api/v1/auth/providers");
        assertThat(providers.json().get("google_client_id").asString()).isEqualTo(GOOGLE_CLIENT_ID);
        assertThat(providers.json().get("facebook_app_id").asString()).isEqualTo(FACEBOOK_APP_ID);
    }

    private Http.Response google(String token, String role) {
        return http.post("/api/v1/oauth/google", "{\"token\": \"%s\", \"role\": \"%s\"}".formatted(token, role));
    }

    private static void assertInvalid(Http.Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("Invalid Google token: " + reason);
        assertThat(response.body()).doesNotContain("access_token");
    }
}
