package com.parkingspots.identity.internal;

import com.parkingspots.identity.AdminAudit;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code admin_audit_log} table: written by every admin action, read by admins, newest first. */
@Service
public class AdminAuditLog implements AdminAudit {

    /** One entry, with the actor's and (for users) the target's name. */
    public record Entry(
            long id,
            Instant at,
            UUID actorId,
            String actorName,
            String actorEmail,
            String action,
            String targetType,
            UUID targetId,
            @Nullable String targetName,
            JsonNode details) {}

    public record Page(List<Entry> entries, long total) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AdminAuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(Caller admin, String action, String targetType, UUID targetId, Map<String, Object> details) {
        jdbc.sql("""
                        INSERT INTO admin_audit_log (at, actor_id, action, target_type, target_id, details)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(
                        Timestamp.from(clock.instant()),
                        admin.id(),
                        action,
                        targetType,
                        targetId,
                        json.writeValueAsString(new LinkedHashMap<>(details)))
                .update();
    }

    /** Newest first, optionally only one actor's or about one target. */
    public Page list(Caller caller, @Nullable UUID actorId, @Nullable UUID targetId, int page, int pageSize) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Not enough permissions");
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (actorId != null) {
            where.append(" AND a.actor_id = ?");
            params.add(actorId);
        }
        if (targetId != null) {
            where.append(" AND a.target_id = ?");
            params.add(targetId);
        }
        long total = jdbc.sql("SELECT count(*) FROM admin_audit_log a" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(pageSize);
        pageParams.add((long) (page - 1) * pageSize);
        List<Entry> entries = jdbc.sql("""
                        SELECT a.id, a.at, a.actor_id, actor.full_name AS actor_name, actor.email AS actor_email,
                               a.action, a.target_type, a.target_id, target.full_name AS target_name,
                               a.details::text AS details
                        FROM admin_audit_log a
                        JOIN users actor ON actor.id = a.actor_id
                        LEFT JOIN users target ON a.target_type = 'user' AND target.id = a.target_id""" + where + " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_name"),
                        rs.getString("actor_email"),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getObject("target_id", UUID.class),
                        rs.getString("target_name"),
                        json.readTree(rs.getString("details"))))
                .list();
        return new Page(entries, total);
    }
}
