package com.parkingspots.payments.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's webhook signature scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=…]} where each {@code v1}
 * may be HMAC-SHA256 of {@code "<t>.<raw body>"} under the endpoint secret (several during a secret roll). Valid when
 * one {@code v1} matches (compared in constant time) and {@code t} is within the tolerance of now, either way.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    public static boolean isValid(
            byte[] payload, @Nullable String header, String secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return false;
        }
        long age = Math.abs(now.getEpochSecond() - timestamp);
        if (age > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(payload, timestamp, secret).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String signature : signatures) {
            match |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    /** The hex {@code v1} signature of a payload at a time (what Stripe sends; tests sign with it too). */
    public static String sign(byte[] payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** A complete {@code Stripe-Signature} header value. */
    public static String header(byte[] payload, long timestamp, String secret) {
        return "t=" + timestamp + ",v1=" + sign(payload, timestamp, secret);
    }
}
