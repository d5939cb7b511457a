package com.parkingspots.identity.internal;

import com.parkingspots.shared.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
public class Users {

    private static final String COLUMNS = """
            id, email, hashed_password, full_name, phone_number, role, is_active, is_verified, profile_image,
            latitude, longitude, oauth_provider, oauth_id, created_at, updated_at, tokens_valid_after""";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
                .param(id)
                .query(Users::map)
                .optional();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ?")
                .param(email)
                .query(Users::map)
                .optional();
    }

    public Optional<User> findByOAuth(String provider, String oauthId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE oauth_provider = ? AND oauth_id = ?")
                .params(provider, oauthId)
                .query(Users::map)
                .optional();
    }

    /** A filter for the administrators' list: a case-insensitive text in email or name, a role, active or not. */
    public record Search(
            @Nullable String text,
            @Nullable Role role,
            @Nullable Boolean active) {

        private String where(Map<String, Object> params) {
            StringBuilder where = new StringBuilder(" WHERE true");
            if (text != null && !text.isBlank()) {
                String like = "%"
                        + text.strip()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
                where.append(" AND (lower(email) LIKE :q OR lower(full_name) LIKE :q)");
                params.put("q", like);
            }
            if (role != null) {
                where.append(" AND role = :role");
                params.put("role", role.value());
            }
            if (active != null) {
                where.append(" AND is_active = :active");
                params.put("active", active);
            }
            return where.toString();
        }
    }

    /** One page of matching users, newest first. */
    public List<User> search(Search search, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = search.where(params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM users" + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .query(Users::map)
                .list();
    }

    public long count(Search search) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = search.where(params);
        return jdbc.sql("SELECT count(*) FROM users" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    public List<User> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ANY(?)")
                .param(ids.toArray(UUID[]::new))
                .query(Users::map)
                .list();
    }

    /** Inserts a new account; a duplicate email fails on the unique index (DuplicateKeyException). */
    public User insert(
            String email,
            @Nullable String hashedPassword,
            String fullName,
            @Nullable String phoneNumber,
            Role role,
            boolean verified,
            @Nullable String profileImage,
            @Nullable String oauthProvider,
            @Nullable String oauthId,
            Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO users (id, email, hashed_password, full_name, phone_number, role, is_verified,
                                           profile_image, oauth_provider, oauth_id, created_at, updated_at)
                        VALUES (:id, :email, :hash, :name, :phone, :role, :verified, :image, :provider, :oauthId, :now, :now)
                        """)
                .param("id", id)
                .param("email", email)
                .param("hash", hashedPassword)
                .param("name", fullName)
                .param("phone", phoneNumber)
                .param("role", role.value())
                .param("verified", verified)
                .param("image", profileImage)
                .param("provider", oauthProvider)
                .param("oauthId", oauthId)
                .param("now", java.sql.Timestamp.from(now))
                .update();
        return findById(id).orElseThrow();
    }

    /** Applies the given column values (column name → value); column names come from code, never from a request. */
    public void update(UUID id, Map<String, @Nullable Object> columns, Instant now) {
        if (columns.isEmpty()) {
            return;
        }
        Map<String, @Nullable Object> params = new LinkedHashMap<>(columns);
        StringBuilder sql = new StringBuilder("UPDATE users SET updated_at = :updated_at");
        for (String column : columns.keySet()) {
            sql.append(", ").append(column).append(" = :").append(column);
        }
        sql.append(" WHERE id = :id");
        params.put("updated_at", java.sql.Timestamp.from(now));
        params.put("id", id);
        jdbc.sql(sql.toString()).params(params).update();
    }

    public void updatePassword(UUID id, String hashedPassword, Instant now) {
        update(id, Map.of("hashed_password", hashedPassword), now);
    }

    /**
     * Replaces an outdated hash of the same password (ADR 0013): nothing else changes, no session ends. Only if the
     * stored hash is still {@code current}, so a password changed meanwhile is never overwritten.
     */
    public void upgradePasswordHash(UUID id, String current, String upgraded) {
        jdbc.sql("UPDATE users SET hashed_password = ? WHERE id = ? AND hashed_password = ?")
                .params(upgraded, id, current)
                .update();
    }

    /**
     * Moves the user's token epoch to {@code now} (never backwards): every token issued until then stops working.
     * Millisecond precision, like the tokens' {@code iat_ms}.
     */
    public void revokeTokensUntil(UUID id, Instant now) {
        java.sql.Timestamp epoch = java.sql.Timestamp.from(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        jdbc.sql("UPDATE users SET tokens_valid_after = GREATEST(tokens_valid_after, ?) WHERE id = ?")
                .params(epoch, id)
                .update();
    }

    /** What an access token of the user grants: role, whether active, the token epoch (null: unknown user). */
    Optional<AccountState> state(UUID id) {
        return jdbc.sql("SELECT id, role, is_active, tokens_valid_after FROM users WHERE id = ?")
                .param(id)
                .query((rs, n) -> new AccountState(
                        rs.getObject("id", UUID.class),
                        Role.fromValue(rs.getString("role")),
                        rs.getBoolean("is_active"),
                        instant(rs.getTimestamp("tokens_valid_after"))))
                .optional();
    }

    /** Renter → owner in one statement; other roles are left as they are. */
    public void promoteToOwner(UUID id, Instant now) {
        jdbc.sql("UPDATE users SET role = 'owner', updated_at = ? WHERE id = ? AND role = 'renter'")
                .params(java.sql.Timestamp.from(now), id)
                .update();
    }

    static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("hashed_password"),
                rs.getString("full_name"),
                rs.getString("phone_number"),
                Role.fromValue(rs.getString("role")),
                rs.getBoolean("is_active"),
                rs.getBoolean("is_verified"),
                rs.getString("profile_image"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getString("oauth_provider"),
                rs.getString("oauth_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instant(rs.getTimestamp("tokens_valid_after")));
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
