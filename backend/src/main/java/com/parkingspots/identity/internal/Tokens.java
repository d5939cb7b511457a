package com.parkingspots.identity.internal;

import com.parkingspots.shared.config.SecretKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Issues and reads the API's tokens: claims {@code sub, exp, type, iat, jti} (spec 7.1, CONTRACT Decision 3), plus
 * {@code iat_ms}, the issue time in milliseconds: {@code iat} has whole seconds, too coarse to tell a token issued just
 * before a password change from one issued just after it in the same second (ADR 3, token epoch).
 */
@Component
public class Tokens {

    public enum Type {
        ACCESS("access"),
        REFRESH("refresh");

        final String claim;

        Type(String claim) {
            this.claim = claim;
        }
    }

    /**
     * A verified token: whose, which one, since and until when. {@code jti} and {@code issuedAt} are null for tokens
     * issued by the old system. {@code issuedAt} is the earliest instant the token can have been issued: {@code iat_ms}
     * when present, else {@code iat} (whole seconds, so possibly up to a second before the real issue time).
     */
    public record Claims(
            UUID subject, @Nullable UUID jti, @Nullable Instant issuedAt, Instant expiresAt) {

        /**
         * Whether the token was issued after the user's token epoch (null: none set, every token counts). A token
         * without an issue time cannot prove it is newer, so an epoch refuses it.
         */
        public boolean issuedAfter(@Nullable Instant epoch) {
            return epoch == null || (issuedAt != null && issuedAt.isAfter(epoch));
        }
    }

    public record Issued(String token, UUID jti, Instant issuedAt, Instant expiresAt) {}

    private final Jwt jwt;
    private final Clock clock;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;

    Tokens(SecretKeys keys, IdentityProperties properties, Clock clock) {
        this.jwt = new Jwt(keys.signingKey());
        this.clock = clock;
        this.accessLifetime = Duration.ofMinutes(properties.accessTokenExpireMinutes());
        this.refreshLifetime = Duration.ofDays(properties.refreshTokenExpireDays());
    }

    public Issued issue(UUID userId, Type type) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(type == Type.ACCESS ? accessLifetime : refreshLifetime);
        UUID jti = UUID.randomUUID();
        String token = jwt.sign(Map.of(
                "sub", userId.toString(),
                "exp", expires.getEpochSecond(),
                "type", type.claim,
                "iat", now.getEpochSecond(),
                "iat_ms", now.toEpochMilli(),
                "jti", jti.toString()));
        return new Issued(token, jti, now, expires);
    }

    /** The claims of a token of this type with a good signature that has not expired. */
    public Optional<Claims> read(String token, Type type) {
        return jwt.verify(token).flatMap(claims -> claims(claims, type));
    }

    private Optional<Claims> claims(JsonNode claims, Type type) {
        JsonNode exp = claims.get("exp");
        if (exp == null
                || !exp.isNumber()
                || !type.claim.equals(claims.path("type").asString(null))) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(exp.asLong());
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        UUID subject = uuid(claims.path("sub").asString(null));
        if (subject == null) {
            return Optional.empty();
        }
        return Optional.of(new Claims(subject, uuid(claims.path("jti").asString(null)), issuedAt(claims), expiresAt));
    }

    private static @Nullable Instant issuedAt(JsonNode claims) {
        JsonNode millis = claims.get("iat_ms");
        if (millis != null && millis.isIntegralNumber() && millis.canConvertToLong()) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        JsonNode seconds = claims.get("iat");
        if (seconds != null && seconds.isNumber() && seconds.canConvertToLong()) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
