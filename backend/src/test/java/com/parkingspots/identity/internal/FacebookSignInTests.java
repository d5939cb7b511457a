package com.parkingspots.identity.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.Http;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** {@code POST /oauth/facebook} against a local stub of the Graph API. */
class FacebookSignInTests extends IdentityFlowsTest {

    @Test
    void aValidTokenCreatesAnAccountFromTheGraphProfileAndSignsIn() throws Exception {
        String token = "fb-token-" + UUID.randomUUID();
        String email = Api.uniqueEmail("facebook");
        String userId = stubValidUser(token, email, "Nikos Facebook");
        var response = facebook(token, "owner");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var user = response.json().get("user");
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("full_name").asString()).isEqualTo("Nikos Facebook");
        assertThat(user.get("role").asString()).isEqualTo("owner");
        assertThat(user.get("profile_image").asString()).isEqualTo("https://graph.example/pic/" + userId);
        assertThat(response.json().get("token_type").asString()).isEqualTo("bearer");
        var me = http.get(
                "/api/v1/users/me",
                "Authorization",
                "Bearer " + response.json().get("access_token").asString());
        assertThat(me.json().get("email").asString()).isEqualTo(email);

        STUBS.verify(getRequestedFor(urlPathEqualTo("/graph/debug_token"))
                .withQueryParam("input_token", equalTo(token))
                .withQueryParam("access_token", equalTo(FACEBOOK_APP_ID + "|" + FACEBOOK_APP_SECRET)));
        STUBS.verify(getRequestedFor(urlPathEqualTo("/graph/me"))
                .withQueryParam("access_token", equalTo(token))
                .withQueryParam("appsecret_proof", equalTo(proof(token))));

        var again = facebook(token, "renter");
        assertThat(again.json().get("user").get("id").asString())
                .isEqualTo(user.get("id").asString());
    }

    @Test
    void linksToTheExistingAccountWithTheSameEmail() {
        var existing = api.signUp("renter");
        String token = "fb-token-" + UUID.randomUUID();
        stubValidUser(token, existing.email(), "Existing Person");
        var response = facebook(token, "owner");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("user").get("id").asString())
                .isEqualTo(existing.id().toString());
        assertThat(response.json().get("user").get("role").asString()).isEqualTo("renter");
    }

    @Test
    void aTokenIssuedToAnotherAppIsRefused() {
        String token = "fb-token-" + UUID.randomUUID();
        stubDebug(token, """
                {"data": {"app_id": "999999", "is_valid": true, "user_id": "42", "expires_at": %d}}""".formatted(Instant.now().getEpochSecond() + 3600));
        assertInvalid(facebook(token, "renter"), "token was issued to another app");
    }

    @Test
    void anInvalidOrExpiredTokenIsRefused() {
        String invalid = "fb-token-" + UUID.randomUUID();
        stubDebug(invalid, """
                {"data": {"app_id": "%s", "is_valid": false, "user_id": "42"}}""".formatted(FACEBOOK_APP_ID));
        assertInvalid(facebook(invalid, "renter"), "token is not valid");

        String expired = "fb-token-" + UUID.randomUUID();
        stubDebug(expired, """
                {"data": {"app_id": "%s", "is_valid": true, "user_id": "42", "expires_at": %d}}""".formatted(FACEBOOK_APP_ID, Instant.now().getEpochSecond() - 10));
        assertInvalid(facebook(expired, "renter"), "token expired");

        String rejected = "fb-token-" + UUID.randomUUID();
        STUBS.stubFor(get(urlPathEqualTo("/graph/debug_token"))
                .withQueryParam("input_token", equalTo(rejected))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"Malformed access token\", \"code\": 190}}")));
        assertInvalid(facebook(rejected, "renter"), "Malformed access token");
    }

    @Test
    void aProfileOfAnotherUserThanTheTokensIsRefused() {
        String token = "fb-token-" + UUID.randomUUID();
        stubDebug(token, """
                {"data": {"app_id": "%s", "is_valid": true, "user_id": "1001", "expires_at": 0}}""".formatted(FACEBOOK_APP_ID));
        stubMe(
                token,
                "{\"id\": \"2002\", \"name\": \"Someone Else\", \"email\": \"%s\"}".formatted(Api.uniqueEmail("x")));
        assertInvalid(facebook(token, "renter"), "token names another user");
    }

    @Test
    void aGraphOutageIs503NotA500() {
        String token = "fb-token-" + UUID.randomUUID();
        STUBS.stubFor(get(urlPathEqualTo("/graph/debug_token"))
                .withQueryParam("input_token", equalTo(token))
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
        var response = facebook(token, "renter");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("Facebook sign-in is temporarily unavailable, try again later");
    }

    @Test
    void inactiveUsersCannotSignInWithFacebook() {
        String token = "fb-token-" + UUID.randomUUID();
        stubValidUser(token, Api.uniqueEmail("fb-inactive"), "Gone Away");
        String access = facebook(token, "renter").json().get("access_token").asString();
        http.send("DELETE", "/api/v1/users/me", null, "Authorization", "Bearer " + access);
        var again = facebook(token, "renter");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).isEqualTo("User account is inactive");
    }

    @Test
    void aProfileWithoutEmailCannotCreateAnAccount() {
        String token = "fb-token-" + UUID.randomUUID();
        stubDebug(token, """
                {"data": {"app_id": "%s", "is_valid": true, "user_id": "3003", "expires_at": 0}}""".formatted(FACEBOOK_APP_ID));
        stubMe(token, "{\"id\": \"3003\", \"name\": \"No Email\"}");
        var response = facebook(token, "renter");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("email");
    }

    private String stubValidUser(String token, String email, String name) {
        String userId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        stubDebug(token, """
                {"data": {"app_id": "%s", "type": "USER", "is_valid": true, "user_id": "%s", "expires_at": %d}}""".formatted(FACEBOOK_APP_ID, userId, Instant.now().getEpochSecond() + 3600));
        stubMe(token, """
                {"id": "%s", "name": "%s", "email": "%s",
                 "picture": {"data": {"url": "https://graph.example/pic/%s", "is_silhouette": false}}}""".formatted(userId, name, email, userId));
        return userId;
    }

    private static void stubDebug(String token, String body) {
        STUBS.stubFor(get(urlPathEqualTo("/graph/debug_token"))
                .withQueryParam("input_token", equalTo(token))
                .willReturn(okJson(body)));
    }

    private static void stubMe(String token, String body) {
        STUBS.stubFor(get(urlPathEqualTo("/graph/me"))
                .withQueryParam("access_token", equalTo(token))
                .willReturn(okJson(body)));
    }

    private Http.Response facebook(String token, String role) {
        return http.post(
                "/api/v1/oauth/facebook", "{\"access_token\": \"%s\", \"role\": \"%s\"}".formatted(token, role));
    }

    private static void assertInvalid(Http.Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("Invalid Facebook token: " + reason);
    }

    private static String proof(String token) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(FACEBOOK_APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    }
}
