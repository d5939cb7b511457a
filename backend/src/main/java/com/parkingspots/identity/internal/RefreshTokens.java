package com.parkingspots.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refresh_tokens} table: which refresh tokens exist, their family, and which are retired. */
@Repository
public class RefreshTokens {

    public record Row(UUID jti, UUID userId, UUID familyId, boolean revoked) {}

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID jti, UUID userId, UUID familyId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO refresh_tokens (jti, user_id, family_id, issued_at, expires_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(jti, userId, familyId, Timestamp.from(issuedAt), Timestamp.from(expiresAt))
                .update();
    }

    /** Locks the row, so two refreshes with the same token are decided one after the other. */
    public Optional<Row> lock(UUID jti) {
        return jdbc.sql(
                        "SELECT jti, user_id, family_id, revoked_at IS NOT NULL AS revoked FROM refresh_tokens WHERE jti = ? FOR UPDATE")
                .param(jti)
                .query((rs, n) -> new Row(
                        rs.getObject("jti", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getBoolean("revoked")))
                .optional();
    }

    public void revoke(UUID jti, String reason, Instant now) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = ?, revoked_reason = ? WHERE jti = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), reason, jti)
                .update();
    }

    public int revokeFamily(UUID familyId, String reason, Instant now) {
        return jdbc.sql(
                        "UPDATE refresh_tokens SET revoked_at = ?, revoked_reason = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), reason, familyId)
                .update();
    }

    public int revokeAllOf(UUID userId, String reason, Instant now) {
        return jdbc.sql(
                        "UPDATE refresh_tokens SET revoked_at = ?, revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), reason, userId)
                .update();
    }
}
