package com.parkingspots.notifications.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-user choices per kind and channel. Only departures from the defaults are stored, so a new kind or channel starts
 * with its default for everyone. Every channel of every kind is on by default.
 */
@Repository
public class Preferences {

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static boolean byDefault(Kind kind, Channel channel) {
        return true;
    }

    /** Every configurable kind with each channel's setting, in the enum's order. */
    public Map<Kind, Map<Channel, Boolean>> all(UUID userId) {
        Map<Kind, Map<Channel, Boolean>> result = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            if (kind.configurable()) {
                Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
                for (Channel channel : Channel.values()) {
                    channels.put(channel, byDefault(kind, channel));
                }
                result.put(kind, channels);
            }
        }
        record Row(String kind, String channel, boolean enabled) {}
        jdbc.sql("SELECT kind, channel, enabled FROM notification_preferences WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> new Row(rs.getString("kind"), rs.getString("channel"), rs.getBoolean("enabled")))
                .list()
                .forEach(row -> Kind.parse(row.kind())
                        .ifPresent(kind -> result.get(kind)
                                .put(Channel.valueOf(row.channel().toUpperCase(Locale.ROOT)), row.enabled())));
        return result;
    }

    public Map<Channel, Boolean> of(UUID userId, Kind kind) {
        if (!kind.configurable()) {
            return Map.of(Channel.EMAIL, true, Channel.PUSH, false, Channel.IN_APP, false);
        }
        return all(userId).get(kind);
    }

    public void set(UUID userId, Kind kind, Channel channel, boolean enabled) {
        jdbc.sql("""
                INSERT INTO notification_preferences (user_id, kind, channel, enabled) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, kind, channel) DO UPDATE SET enabled = EXCLUDED.enabled""").params(userId, kind.value(), channel.value(), enabled).update();
    }
}
