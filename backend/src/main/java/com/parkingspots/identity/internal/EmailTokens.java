package com.parkingspots.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code email_tokens} table: random single-use tokens, stored as their SHA-256 only. */
@Repository
class EmailTokens {

    enum Purpose {
        VERIFY_EMAIL("verify_email"),
        RESET_PASSWORD("reset_password");

        final String value;

        Purpose(String value) {
            this.value = value;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    EmailTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token (32 random bytes, URL-safe) for the user; only its hash is kept. */
    String issue(UUID userId, Purpose purpose, Instant now, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(hash(token), userId, purpose.value, Timestamp.from(now), Timestamp.from(now.plus(lifetime)))
                .update();
        return token;
    }

    /**
     * Marks the token used and returns its user, in one statement: of two requests racing with the same token, one
     * wins. Unknown, expired, already used or other-purpose tokens give nothing.
     */
    Optional<UUID> consume(String token, Purpose purpose, Instant now) {
        return jdbc.sql("""
                        UPDATE email_tokens SET used_at = :now
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                        RETURNING user_id""")
                .param("now", Timestamp.from(now))
                .param("hash", hash(token))
                .param("purpose", purpose.value)
                .query(UUID.class)
                .optional();
    }

    /** Retires the user's other outstanding tokens of this purpose (after a reset, older links must not work). */
    void retireAll(UUID userId, Purpose purpose, Instant now) {
        jdbc.sql("UPDATE email_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
                .params(Timestamp.from(now), userId, purpose.value)
                .update();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
