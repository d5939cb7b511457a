package com.parkingspots.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a Facebook user access token through the Graph API: {@code debug_token} with the app's credentials proves
 * the token is valid and was issued to <em>our</em> app (a token from any other app is refused), then {@code /me}
 * (with {@code appsecret_proof}) reads id, name, email and picture.
 */
@Component
class FacebookGraph {

    static final String PROVIDER = "facebook";
    private static final Logger log = LoggerFactory.getLogger(FacebookGraph.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IdentityProperties.Facebook settings;
    private final HttpClient http;
    private final Clock clock;

    FacebookGraph(IdentityProperties properties, Clock clock) {
        this.settings = properties.facebook();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    boolean configured() {
        return settings.configured();
    }

    @Nullable
    String appId() {
        return settings.appId();
    }

    ExternalIdentity verify(String accessToken) {
        String appId = settings.appId();
        String appSecret = settings.appSecret();
        if (appId == null || appSecret == null) {
            throw OAuthFailure.notConfigured("Facebook");
        }
        if (accessToken.isBlank()) {
            throw invalid("empty token");
        }
        JsonNode debug = get("/debug_token?input_token=" + encode(accessToken) + "&access_token="
                        + encode(appId + "|" + appSecret))
                .path("data");
        if (!debug.path("is_valid").asBoolean(false)) {
            throw invalid("token is not valid");
        }
        if (!appId.equals(debug.path("app_id").asString(""))) {
            throw invalid("token was issued to another app");
        }
        long expiresAt = debug.path("expires_at").asLong(0);
        if (expiresAt != 0 && expiresAt <= clock.instant().getEpochSecond()) {
            throw invalid("token expired");
        }
        String userId = debug.path("user_id").asString("");
        if (userId.isEmpty()) {
            throw invalid("token names no user");
        }
        JsonNode me = get("/me?fields=id,name,email,picture.type(large)&access_token=" + encode(accessToken)
                + "&appsecret_proof=" + proof(accessToken, appSecret));
        if (!userId.equals(me.path("id").asString(""))) {
            throw invalid("token names another user");
        }
        String picture = me.path("picture").path("data").path("url").asString(null);
        boolean silhouette =
                me.path("picture").path("data").path("is_silhouette").asBoolean(false);
        String email = me.path("email").asString(null);
        // Facebook returns `email` only once the person has confirmed that address with Facebook.
        return new ExternalIdentity(
                PROVIDER, userId, email, email != null, me.path("name").asString(null), silhouette ? null : picture);
    }

    private JsonNode get(String pathAndQuery) {
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(URI.create(settings.graphUrl() + pathAndQuery))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("Cannot reach the Facebook Graph API: {}", e.toString());
            throw OAuthFailure.unavailable("Facebook");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OAuthFailure.unavailable("Facebook");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 500 || body == null) {
            log.warn("Facebook Graph API answered {}", response.statusCode());
            throw OAuthFailure.unavailable("Facebook");
        }
        if (response.statusCode() != 200) {
            // Graph's own errors (OAuthException code 190 and friends) describe the token, not an outage.
            String message = body.path("error").path("message").asString("rejected by Facebook");
            throw invalid(message.length() > 200 ? message.substring(0, 200) : message);
        }
        return body;
    }

    private static @Nullable JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String proof(String accessToken, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RuntimeException invalid(String reason) {
        return OAuthFailure.invalidToken("Facebook", reason);
    }
}
