package com.parkingspots.spots.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of the in-memory marketplace: every spot with what a search for a time window needs (its open week, its
 * blocked dates in microseconds, computed by PostgreSQL with the same expressions as {@code spot_blocked_during}), the
 * intervals bookings hold, and the change log ({@code spot_changes}, written by triggers). Reads run in one
 * repeatable-read transaction each, so what they return is one consistent state, together with the snapshot's xmin.
 */
@Component
class MarketplaceRows {

    private static final Logger log = LoggerFactory.getLogger(MarketplaceRows.class);

    private static final String BLOCKS = """
            SELECT b.parking_spot_id AS spot_id, string_agg(
                       (extract(epoch FROM (b.specific_date + b.start_time) AT TIME ZONE p.time_zone) * 1000000)::bigint
                       || ',' ||
                       (extract(epoch FROM ((b.specific_date + CASE WHEN b.end_time <= b.start_time THEN 1 ELSE 0 END)
                                            + b.end_time) AT TIME ZONE p.time_zone) * 1000000)::bigint,
                       ',') AS blocks
            FROM spot_availability b JOIN parking_spots p ON p.id = b.parking_spot_id
            WHERE NOT b.is_available AND b.specific_date IS NOT NULL""";

    private static final String LISTINGS = """
            SELECT s.id, s.owner_id, s.title, s.description, s.spot_type, s.vehicle_size, s.address, s.city, s.state,
                   s.zip_code, s.country, s.latitude, s.longitude, s.hourly_rate, s.daily_rate, s.monthly_rate,
                   s.currency, s.is_covered, s.has_ev_charging, s.has_security, s.has_lighting,
                   s.is_handicap_accessible, s.access_instructions, s.operating_hours::text AS operating_hours,
                   s.time_zone, s.images::text AS images, s.is_active, s.is_available, s.total_bookings,
                   s.average_rating, s.total_reviews, s.has_history, s.created_at, s.updated_at,
                   CASE WHEN s.open_week = '{[0,10080)}' THEN NULL ELSE s.open_week::text END AS open_week,
                   blocks.blocks
            FROM parking_spots s LEFT JOIN blocks ON blocks.spot_id = s.id""";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** What changed since a snapshot: spots whose rows to read again, spots whose holds to read again. */
    record Changes(long xmin, Set<UUID> spots, Set<UUID> occupancies) {
        boolean isEmpty() {
            return spots.isEmpty() && occupancies.isEmpty();
        }
    }

    /** The holds of some spots: spot → booking → {@code [start, end)}. */
    record Holds(Map<UUID, Map<UUID, Instant[]>> bySpot) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final JsonMapper json;
    /** Repeated values (cities, zip codes, owners) are held once, and each zone is parsed once. */
    private final Map<Object, Object> interned = new ConcurrentHashMap<>();

    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    MarketplaceRows(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(5000);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        // also after another transaction's commit, whose connection is still bound to the thread then
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    /** In one snapshot: its xmin (returned), every spot, and the holds that end after {@code holdsFrom}. */
    long loadAll(Instant holdsFrom, Consumer<Listing> listings, Consumer<Hold> holds) {
        Long xmin = snapshot.execute(status -> {
            long current = xmin();
            jdbc.query("WITH blocks AS (" + BLOCKS + " GROUP BY b.parking_spot_id) " + LISTINGS, rs -> {
                listings.accept(listing(rs));
            });
            jdbc.query(
                    "SELECT booking_id, spot_id, lower(period) AS starts, upper(period) AS ends FROM spot_occupancy"
                            + " WHERE upper(period) > ?",
                    rs -> {
                        holds.accept(new Hold(
                                rs.getObject("spot_id", UUID.class),
                                rs.getObject("booking_id", UUID.class),
                                rs.getTimestamp("starts").toInstant(),
                                rs.getTimestamp("ends").toInstant()));
                    },
                    Timestamp.from(holdsFrom));
            return current;
        });
        return xmin == null ? 0 : xmin;
    }

    record Hold(UUID spotId, UUID bookingId, Instant start, Instant end) {}

    /** A catch-up, in one snapshot: what the log holds from {@code sinceXmin} on, with the rows to apply. */
    record CatchUp(Changes changes, List<Listing> listings, Holds holds) {}

    CatchUp catchUp(long sinceXmin, Instant holdsFrom) {
        return snapshot.execute(status -> {
            long current = xmin();
            Set<UUID> spots = new HashSet<>();
            Set<UUID> occupancies = new HashSet<>();
            jdbc.query(
                    "SELECT DISTINCT spot_id, booking_id IS NOT NULL AS occupancy FROM spot_changes"
                            + " WHERE change_xid >= CAST(CAST(? AS text) AS xid8)",
                    rs -> {
                        UUID spot = rs.getObject("spot_id", UUID.class);
                        (rs.getBoolean("occupancy") ? occupancies : spots).add(spot);
                    },
                    Long.toString(sinceXmin));
            Changes changes = new Changes(current, spots, occupancies);
            List<Listing> listings = new ArrayList<>();
            for (List<UUID> chunk : chunks(spots)) {
                UUID[] ids = chunk.toArray(UUID[]::new);
                jdbc.query(
                        "WITH blocks AS (" + BLOCKS + " AND b.parking_spot_id = ANY(?) GROUP BY b.parking_spot_id) "
                                + LISTINGS + " WHERE s.id = ANY(?)",
                        rs -> {
                            listings.add(listing(rs));
                        },
                        ids,
                        ids);
            }
            Map<UUID, Map<UUID, Instant[]>> holds = new LinkedHashMap<>();
            for (UUID spot : occupancies) {
                holds.put(spot, new LinkedHashMap<>());
            }
            for (List<UUID> chunk : chunks(occupancies)) {
                jdbc.query(
                        "SELECT booking_id, spot_id, lower(period) AS starts, upper(period) AS ends FROM spot_occupancy"
                                + " WHERE spot_id = ANY(?) AND upper(period) > ?",
                        rs -> {
                            holds.get(rs.getObject("spot_id", UUID.class))
                                    .put(rs.getObject("booking_id", UUID.class), new Instant[] {
                                        rs.getTimestamp("starts").toInstant(),
                                        rs.getTimestamp("ends").toInstant()
                                    });
                        },
                        chunk.toArray(UUID[]::new),
                        Timestamp.from(holdsFrom));
            }
            return new CatchUp(changes, listings, new Holds(holds));
        });
    }

    /** Deletes log entries older than {@code before}; returns how many. */
    int purgeChangesBefore(Instant before) {
        return jdbc.update("DELETE FROM spot_changes WHERE changed_at < ?", Timestamp.from(before));
    }

    /** Log entries not purged yet. */
    long pendingChanges() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM spot_changes", Long.class);
        return count == null ? 0 : count;
    }

    private long xmin() {
        String xmin = jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text", String.class);
        return Long.parseLong(xmin == null ? "0" : xmin);
    }

    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<List<UUID>> chunks = new ArrayList<>();
        List<UUID> chunk = new ArrayList<>();
        for (UUID id : ids) {
            chunk.add(id);
            if (chunk.size() == 10_000) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private Listing listing(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String timeZone = intern(rs.getString("time_zone"));
        String images = rs.getString("images");
        return new Listing(
                id,
                intern(rs.getObject("owner_id", UUID.class)),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("address"),
                intern(rs.getString("city")),
                intern(rs.getString("state")),
                intern(rs.getString("zip_code")),
                intern(rs.getString("country")),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                rs.getInt("hourly_rate"),
                rs.getInt("daily_rate"),
                rs.getInt("monthly_rate"),
                intern(rs.getString("currency")),
                Listing.attributes(
                        rs.getString("spot_type"),
                        rs.getString("vehicle_size"),
                        rs.getBoolean("is_covered"),
                        rs.getBoolean("has_ev_charging"),
                        rs.getBoolean("has_security"),
                        rs.getBoolean("has_lighting"),
                        rs.getBoolean("is_handicap_accessible"),
                        rs.getBoolean("is_active"),
                        rs.getBoolean("is_available"),
                        rs.getBoolean("has_history")),
                rs.getString("access_instructions"),
                rs.getString("operating_hours"),
                timeZone,
                zone(timeZone),
                images == null || images.equals("[]") ? List.of() : List.copyOf(json.readValue(images, STRINGS)),
                rs.getInt("total_bookings"),
                rs.getDouble("average_rating"),
                rs.getInt("total_reviews"),
                Listing.micros(rs.getTimestamp("created_at").toInstant()),
                Listing.micros(rs.getTimestamp("updated_at").toInstant()),
                openWeek(rs.getString("open_week")),
                blocks(rs.getString("blocks")));
    }

    @SuppressWarnings("unchecked")
    private <T> T intern(T value) {
        return value == null ? null : (T) interned.computeIfAbsent(value, v -> v);
    }

    private ZoneId zone(String name) {
        return zones.computeIfAbsent(name, key -> {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                log.warn("Spot time zone '{}' is not known here: its hours are read in UTC", name);
                return ZoneOffset.UTC;
            }
        });
    }

    /** {@code {[0,600),[720,10080)}} → {@code [0, 600, 720, 10080]}; {@code {}} (never open) → an empty array. */
    static int @Nullable [] openWeek(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String body = text.replaceAll("[{}\\[\\)\\s]", "");
        if (body.isEmpty()) {
            return new int[0];
        }
        String[] parts = body.split(",");
        int[] week = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            week[i] = Integer.parseInt(parts[i]);
        }
        return week;
    }

    private static long @Nullable [] blocks(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String[] parts = text.split(",");
        long[] blocks = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            blocks[i] = Long.parseLong(parts[i]);
        }
        return blocks;
    }
}
