package com.parkingspots.notifications.internal;

import com.parkingspots.shared.config.SecretKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tokens of the unsubscribe link in every email: {@code base64url(user:kind).base64url(HMAC-SHA256)} under a key derived
 * from {@code SECRET_KEY}, so the link works without signing in and cannot be made for another user. {@code kind} is
 * empty for "all emails". They do not expire: an old email's link still unsubscribes.
 */
@Component
public class UnsubscribeTokens {

    /** What a valid token asks: stop emails of {@code kind}, or all emails when it is null. */
    public record Request(UUID userId, @Nullable Kind kind) {}

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;

    UnsubscribeTokens(SecretKeys keys) {
        this.key = hmac(keys.signingKey(), "parkingspots-unsubscribe".getBytes(StandardCharsets.UTF_8));
    }

    public String issue(UUID userId, @Nullable Kind kind) {
        byte[] body = (userId + ":" + (kind == null ? "" : kind.value())).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(hmac(key, body));
    }

    public Optional<Request> verify(@Nullable String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] body = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, hmac(key, body))) {
                return Optional.empty();
            }
            String[] parts = new String(body, StandardCharsets.UTF_8).split(":", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            UUID userId = UUID.fromString(parts[0]);
            if (parts[1].isEmpty()) {
                return Optional.of(new Request(userId, null));
            }
            return Kind.parse(parts[1]).map(kind -> new Request(userId, kind));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
