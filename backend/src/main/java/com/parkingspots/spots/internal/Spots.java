package com.parkingspots.spots.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code parking_spots}, {@code spot_availability} and {@code spot_occupancy} tables. */
@Repository
class Spots {

    static final String COLUMNS = """
            id, owner_id, title, description, spot_type, vehicle_size, address, city, state, zip_code, country,
            latitude, longitude, hourly_rate, daily_rate, monthly_rate, currency, is_covered, has_ev_charging,
            has_security, has_lighting, is_handicap_accessible, access_instructions, operating_hours::text AS operating_hours,
            time_zone, images::text AS images, is_active, is_available, total_bookings, average_rating, total_reviews,
            has_history, created_at, updated_at""";

    /** Columns that hold JSON or a range: their parameters are cast in SQL. */
    private static final Map<String, String> CASTS =
            Map.of("operating_hours", "jsonb", "images", "jsonb", "open_week", "int4multirange");

    private static final Set<String> WRITABLE = Set.of(
            "title",
            "description",
            "spot_type",
            "vehicle_size",
            "address",
            "city",
            "state",
            "zip_code",
            "country",
            "latitude",
            "longitude",
            "hourly_rate",
            "daily_rate",
            "monthly_rate",
            "currency",
            "is_covered",
            "has_ev_charging",
            "has_security",
            "has_lighting",
            "is_handicap_accessible",
            "access_instructions",
            "operating_hours",
            "time_zone",
            "images",
            "is_active",
            "is_available",
            "open_week");

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Spots(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Spot> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM parking_spots WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<Spot> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM parking_spots WHERE id = ? FOR NO KEY UPDATE")
                .param(id)
                .query(this::map)
                .optional();
    }

    List<Spot> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM parking_spots WHERE id = ANY(?)")
                .param(ids.stream().distinct().toArray(UUID[]::new))
                .query(this::map)
                .list();
    }

    List<Spot> ownedBy(UUID ownerId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM parking_spots WHERE owner_id = ? ORDER BY created_at DESC, id DESC")
                .param(ownerId)
                .query(this::map)
                .list();
    }

    /** An owner's spots matching the text and status, newest first, one page; and how many match in all. */
    record OwnedPage(List<Spot> spots, long total) {}

    OwnedPage ownedBy(UUID ownerId, @Nullable String text, @Nullable String status, int limit, long offset) {
        StringBuilder where = new StringBuilder(" WHERE owner_id = :owner");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("owner", ownerId);
        if (text != null) {
            where.append(" AND (title ILIKE :text OR address ILIKE :text OR city ILIKE :text OR zip_code ILIKE :text)");
            params.put("text", SpotSearch.contains(text));
        }
        if (status != null) {
            where.append(
                    switch (status) {
                        case "active" -> " AND is_active";
                        case "inactive" -> " AND NOT is_active";
                        case "available" -> " AND is_active AND is_available";
                        case "unavailable" -> " AND is_active AND NOT is_available";
                        default -> throw new IllegalArgumentException("unknown status " + status);
                    });
        }
        long total = jdbc.sql("SELECT count(*) FROM parking_spots" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", limit);
        params.put("offset", offset);
        List<Spot> page = jdbc.sql("SELECT " + COLUMNS + " FROM parking_spots" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query(this::map)
                .list();
        return new OwnedPage(page, total);
    }

    List<UUID> idsOwnedBy(UUID ownerId) {
        return jdbc.sql("SELECT id FROM parking_spots WHERE owner_id = ? ORDER BY created_at DESC, id DESC")
                .param(ownerId)
                .query(UUID.class)
                .list();
    }

    void insert(UUID id, UUID ownerId, Map<String, @Nullable Object> columns, Instant now) {
        Map<String, @Nullable Object> params = new LinkedHashMap<>(writable(columns));
        String names = String.join(", ", params.keySet());
        String values = params.keySet().stream().map(Spots::placeholder).collect(Collectors.joining(", "));
        params.put("id", id);
        params.put("owner_id", ownerId);
        params.put("now", Timestamp.from(now));
        jdbc.sql("INSERT INTO parking_spots (id, owner_id, created_at, updated_at, " + names
                        + ") VALUES (:id, :owner_id, :now, :now, " + values + ")")
                .params(params)
                .update();
    }

    void update(UUID id, Map<String, @Nullable Object> columns, Instant now) {
        Map<String, @Nullable Object> params = new LinkedHashMap<>(writable(columns));
        StringBuilder sql = new StringBuilder("UPDATE parking_spots SET updated_at = :now");
        for (String column : params.keySet()) {
            sql.append(", ").append(column).append(" = ").append(placeholder(column));
        }
        sql.append(" WHERE id = :id");
        params.put("now", Timestamp.from(now));
        params.put("id", id);
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** Deletes the spot and its own rows; fails on a foreign key from another module's table (bookings, reviews). */
    void delete(UUID id) {
        jdbc.sql("DELETE FROM spot_availability WHERE parking_spot_id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM spot_occupancy WHERE spot_id = ?").param(id).update();
        jdbc.sql("DELETE FROM parking_spots WHERE id = ?").param(id).update();
    }

    // --- availability slots ---

    void insertSlot(Slot slot) {
        jdbc.sql("""
                        INSERT INTO spot_availability (id, parking_spot_id, day_of_week, specific_date, start_time, end_time, is_available)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        slot.id(),
                        slot.spotId(),
                        slot.dayOfWeek(),
                        slot.specificDate(),
                        slot.startTime(),
                        slot.endTime(),
                        slot.available())
                .update();
    }

    List<Slot> slots(UUID spotId) {
        return jdbc.sql("""
                        SELECT id, parking_spot_id, day_of_week, specific_date, start_time, end_time, is_available
                        FROM spot_availability WHERE parking_spot_id = ?
                        ORDER BY specific_date NULLS FIRST, day_of_week NULLS FIRST, start_time, id""").param(spotId).query(Spots::mapSlot).list();
    }

    Optional<Slot> slot(UUID spotId, UUID slotId) {
        return jdbc.sql("""
                        SELECT id, parking_spot_id, day_of_week, specific_date, start_time, end_time, is_available
                        FROM spot_availability WHERE parking_spot_id = ? AND id = ?""").params(spotId, slotId).query(Spots::mapSlot).optional();
    }

    void deleteSlot(UUID slotId) {
        jdbc.sql("DELETE FROM spot_availability WHERE id = ?").param(slotId).update();
    }

    // --- occupancy, ratings, counters ---

    /** Records that a booking holds the interval; idempotent for the same booking. */
    boolean occupy(UUID spotId, UUID bookingId, Instant start, Instant end) {
        // one statement on the booking's path: the spot keeps its history (has_history) and gets the hold
        return jdbc.sql("""
                        WITH history AS (
                            UPDATE parking_spots SET has_history = true WHERE id = :spot AND NOT has_history)
                        INSERT INTO spot_occupancy (booking_id, spot_id, period)
                        VALUES (:booking, :spot, tstzrange(:start, :end, '[)'))
                        ON CONFLICT (booking_id) DO UPDATE SET spot_id = excluded.spot_id, period = excluded.period""")
                        .param("spot", spotId)
                        .param("booking", bookingId)
                        .param("start", Timestamp.from(start))
                        .param("end", Timestamp.from(end))
                        .update()
                > 0;
    }

    boolean release(UUID bookingId) {
        return jdbc.sql("DELETE FROM spot_occupancy WHERE booking_id = ?")
                        .param(bookingId)
                        .update()
                > 0;
    }

    void incrementTotalBookings(UUID spotId) {
        jdbc.sql("UPDATE parking_spots SET total_bookings = total_bookings + 1, has_history = true WHERE id = ?")
                .param(spotId)
                .update();
    }

    void lockRatings(UUID spotId) {
        jdbc.sql("SELECT id FROM parking_spots WHERE id = ? FOR NO KEY UPDATE")
                .param(spotId)
                .query(UUID.class)
                .optional();
    }

    void recordRatings(UUID spotId, double average, int total) {
        jdbc.sql("UPDATE parking_spots SET average_rating = ?, total_reviews = ? WHERE id = ?")
                .params(average, total, spotId)
                .update();
    }

    /**
     * Why the spot's own rules forbid a stay over {@code [start, end)}, in SQL, with the same functions search uses.
     * Empty when the spot does not exist.
     */
    Optional<Bookability> bookability(UUID spotId, Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT s.is_active AND s.is_available AS listed,
                               spot_open_during(s.open_week, s.time_zone, :start, :end) AS open,
                               spot_blocked_during(s.id, s.time_zone, :start, :end) AS blocked
                        FROM parking_spots s WHERE s.id = :id""")
                .param("id", spotId)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .query((rs, row) ->
                        new Bookability(rs.getBoolean("listed"), rs.getBoolean("open"), rs.getBoolean("blocked")))
                .optional();
    }

    record Bookability(boolean listed, boolean open, boolean blocked) {}

    private static Map<String, @Nullable Object> writable(Map<String, @Nullable Object> columns) {
        for (String column : columns.keySet()) {
            if (!WRITABLE.contains(column)) {
                throw new IllegalArgumentException("not a writable column: " + column);
            }
        }
        return columns;
    }

    private static String placeholder(String column) {
        String cast = CASTS.get(column);
        return cast == null ? ":" + column : "CAST(:" + column + " AS " + cast + ")";
    }

    Spot map(ResultSet rs, int row) throws SQLException {
        String images = rs.getString("images");
        return new Spot(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("spot_type"),
                rs.getString("vehicle_size"),
                rs.getString("address"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getString("zip_code"),
                rs.getString("country"),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                rs.getInt("hourly_rate"),
                rs.getObject("daily_rate", Integer.class),
                rs.getObject("monthly_rate", Integer.class),
                rs.getString("currency"),
                rs.getBoolean("is_covered"),
                rs.getBoolean("has_ev_charging"),
                rs.getBoolean("has_security"),
                rs.getBoolean("has_lighting"),
                rs.getBoolean("is_handicap_accessible"),
                rs.getString("access_instructions"),
                rs.getString("operating_hours"),
                rs.getString("time_zone"),
                images(images),
                rs.getBoolean("is_active"),
                rs.getBoolean("is_available"),
                rs.getInt("total_bookings"),
                rs.getDouble("average_rating"),
                rs.getInt("total_reviews"),
                rs.getBoolean("has_history"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    List<String> images(@Nullable String text) {
        return text == null || text.isEmpty() ? List.of() : List.copyOf(json.readValue(text, STRINGS));
    }

    String imagesJson(List<String> images) {
        return json.writeValueAsString(new ArrayList<>(images));
    }

    private static Slot mapSlot(ResultSet rs, int row) throws SQLException {
        return new Slot(
                rs.getObject("id", UUID.class),
                rs.getObject("parking_spot_id", UUID.class),
                rs.getObject("day_of_week", Integer.class),
                rs.getObject("specific_date", java.time.LocalDate.class),
                rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class),
                rs.getBoolean("is_available"));
    }
}
