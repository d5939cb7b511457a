package com.parkingspots.spots.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search query: every filter in SQL, then the order (distance with a location, newest otherwise, the id breaking
 * ties), then the page — so a page is never short because of filtering and the nearest spots are never skipped.
 *
 * <p>With a location, the default ({@code knn}) strategy walks the GiST index on {@code ll_to_earth(latitude,
 * longitude)} in distance order ({@code ORDER BY <-> LIMIT}): it reads the {@code offset + limit + 1} nearest spots that
 * pass the other filters and keeps those within the radius (exact haversine, R = 6371 km). The walk stops after that
 * many matches, so a page costs a few index pages whatever the density or the radius. Distance ties are broken by id
 * here; if spots at the very same distance straddle the page boundary, the page is read again with
 * {@code ORDER BY distance, id} in SQL. The {@code baseline} strategy (haversine over a latitude/longitude box on a
 * B-tree, sorted) exists only for the benchmark's comparison (ADR 0002).
 */
@Component
class SpotSearch {

    static final double EARTH_RADIUS_KM = 6371.0;
    /** earthdistance's sphere ({@code earth()}), in metres. */
    private static final double EARTHDISTANCE_RADIUS_M = 6378168.0;

    private static final String HAVERSINE = """
            (2 * 6371.0 * asin(least(1.0, sqrt(
                power(sin(radians(s.latitude - CAST(:lat AS float8)) / 2), 2)
                + cos(radians(CAST(:lat AS float8))) * cos(radians(s.latitude))
                  * power(sin(radians(s.longitude - CAST(:lon AS float8)) / 2), 2)))))""";

    private static final String LIST_COLUMNS = """
            s.id, s.title, s.address, s.city, s.state, s.latitude, s.longitude, s.hourly_rate, s.currency, s.spot_type,
            s.vehicle_size, s.is_available, s.is_covered, s.has_ev_charging, s.has_security, s.has_lighting,
            s.is_handicap_accessible, s.average_rating, s.total_reviews, s.images::text AS images, s.time_zone""";

    private static final String CHORD =
            "ll_to_earth(s.latitude, s.longitude) <-> ll_to_earth(CAST(:lat AS float8), CAST(:lon AS float8))";

    private final JdbcClient jdbc;
    private final Spots spots;
    private final TransactionTemplate transactions;
    private final boolean baseline;

    SpotSearch(JdbcClient jdbc, Spots spots, TransactionTemplate transactions, SpotsProperties properties) {
        this.jdbc = jdbc;
        this.spots = spots;
        this.transactions = transactions;
        this.baseline = properties.searchStrategy().equals("baseline");
    }

    private record Hit(SpotSummary spot, double distance, double chord) {}

    List<SpotSummary> search(SearchCriteria criteria) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder filters = new StringBuilder("s.is_active AND s.is_available");
        if (criteria.spotType() != null) {
            filters.append(" AND s.spot_type = :spotType");
            params.put("spotType", criteria.spotType());
        }
        if (criteria.minSizeRank() != null) {
            filters.append(" AND s.vehicle_size_rank >= :sizeRank");
            params.put("sizeRank", criteria.minSizeRank());
        }
        if (criteria.maxHourlyRate() != null) {
            filters.append(" AND s.hourly_rate <= :maxRate");
            params.put("maxRate", criteria.maxHourlyRate());
        }
        flag(filters, params, "has_ev_charging", criteria.evCharging());
        flag(filters, params, "is_covered", criteria.covered());
        flag(filters, params, "has_security", criteria.security());
        flag(filters, params, "has_lighting", criteria.lighting());
        flag(filters, params, "is_handicap_accessible", criteria.handicapAccessible());
        if (criteria.q() != null) {
            filters.append(" AND (s.title ILIKE :q OR s.address ILIKE :q OR s.city ILIKE :q OR s.zip_code ILIKE :q)");
            params.put("q", contains(criteria.q()));
        }
        if (criteria.city() != null) {
            filters.append(" AND s.city ILIKE :city");
            params.put("city", contains(criteria.city()));
        }
        if (criteria.state() != null) {
            filters.append(" AND s.state ILIKE :state");
            params.put("state", contains(criteria.state()));
        }
        if (criteria.zipCode() != null) {
            filters.append(" AND s.zip_code = :zip");
            params.put("zip", criteria.zipCode());
        }
        if (criteria.hasWindow()) {
            filters.append(" AND spot_open_during(s.open_week, s.time_zone, :start, :end)")
                    .append(" AND NOT spot_blocked_during(s.id, s.time_zone, :start, :end)")
                    .append(" AND NOT spot_occupied_during(s.id, :start, :end)");
            params.put("start", Timestamp.from(criteria.start()));
            params.put("end", Timestamp.from(criteria.end()));
        }
        if (!criteria.hasLocation()) {
            params.put("limit", criteria.limit());
            params.put("offset", criteria.offset());
            return jdbc.sql("SELECT " + LIST_COLUMNS + ", NULL::float8 AS distance_km FROM parking_spots s WHERE "
                            + filters + " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit OFFSET :offset")
                    .params(params)
                    .query(this::map)
                    .list();
        }
        params.put("lat", criteria.latitude());
        params.put("lon", criteria.longitude());
        params.put("radius", criteria.radiusKm());
        String select = "SELECT " + LIST_COLUMNS + ", " + HAVERSINE + " AS distance_km";
        if (baseline) {
            double dLat = Math.toDegrees(criteria.radiusKm() / EARTH_RADIUS_KM) * 1.0001;
            double cos = Math.cos(Math.toRadians(criteria.latitude()));
            params.put("dlat", dLat);
            params.put("dlon", cos < 1e-9 ? 180 : Math.min(180, dLat / cos));
            params.put("limit", criteria.limit());
            params.put("offset", criteria.offset());
            return jdbc.sql(select + " FROM parking_spots s WHERE " + filters
                            + " AND s.latitude BETWEEN CAST(:lat AS float8) - :dlat AND CAST(:lat AS float8) + :dlat"
                            + " AND s.longitude BETWEEN CAST(:lon AS float8) - :dlon AND CAST(:lon AS float8) + :dlon"
                            + " AND " + HAVERSINE + " <= :radius ORDER BY " + HAVERSINE + ", s.id"
                            + " LIMIT :limit OFFSET :offset")
                    .params(params)
                    .query(this::map)
                    .list();
        }
        // radius on earthdistance's sphere for the same central angle, with a margin: the box only prefilters
        params.put("box", criteria.radiusKm() / EARTH_RADIUS_KM * EARTHDISTANCE_RADIUS_M * 1.0001 + 1);
        String box = " AND earth_box(ll_to_earth(CAST(:lat AS float8), CAST(:lon AS float8)), :box)"
                + " @> ll_to_earth(s.latitude, s.longitude)";
        return nearest(
                select + ", " + CHORD + " AS chord FROM parking_spots s WHERE " + filters, box, params, criteria);
    }

    /**
     * The {@code offset + limit + 1} nearest spots that pass every other filter, in index order, then those within the
     * radius: all of them when fewer than that many are within it (nearest first, so none is missed). The box around
     * the radius is an index condition of the same scan: when the filters match few spots, the walk ends at the box
     * instead of going on through the whole table.
     */
    private List<SpotSummary> nearest(String query, String box, Map<String, Object> params, SearchCriteria criteria) {
        int wanted = criteria.offset() + criteria.limit();
        params.put("fetch", wanted + 1);
        String knn = query + box + " ORDER BY " + CHORD + " LIMIT :fetch";
        List<Hit> hits = transactions.execute(status -> {
            walkTheIndexInDistanceOrder();
            return jdbc.sql(knn).params(params).query(this::hit).list();
        });
        List<Hit> within = new ArrayList<>();
        for (Hit hit : hits) {
            if (hit.distance() <= criteria.radiusKm()) {
                within.add(hit);
            }
        }
        if (within.size() > wanted
                && wanted > 0
                && within.get(wanted - 1).chord() == within.get(wanted).chord()) {
            // spots at the very same distance straddle the page boundary: let SQL order them by id
            params.put("limit", criteria.limit());
            params.put("offset", criteria.offset());
            return transactions.execute(status -> {
                walkTheIndexInDistanceOrder();
                return jdbc.sql(query + box + " AND " + HAVERSINE + " <= :radius ORDER BY " + CHORD
                                + ", s.id LIMIT :limit OFFSET :offset")
                        .params(params)
                        .query(this::map)
                        .list();
            });
        }
        List<Hit> page = new ArrayList<>(within.subList(0, Math.min(within.size(), wanted)));
        page.sort(Comparator.comparingDouble(Hit::chord)
                .thenComparing(h -> h.spot().id().toString()));
        return page.subList(Math.min(page.size(), criteria.offset()), page.size()).stream()
                .map(Hit::spot)
                .toList();
    }

    /**
     * PostgreSQL estimates {@code @>} on cubes with a constant that makes a bitmap scan and a sort over the whole box
     * look cheaper than walking the GiST index in distance order; for this transaction only, it may not.
     */
    private void walkTheIndexInDistanceOrder() {
        jdbc.sql("SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)")
                .query()
                .listOfRows();
    }

    private Hit hit(ResultSet rs, int row) throws SQLException {
        return new Hit(map(rs, row), rs.getDouble("distance_km"), rs.getDouble("chord"));
    }

    private static void flag(StringBuilder where, Map<String, Object> params, String column, Boolean value) {
        if (value != null) {
            where.append(" AND s.").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }

    /** An ILIKE pattern matching {@code text} anywhere, with LIKE's wildcards in it taken literally. */
    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private SpotSummary map(ResultSet rs, int row) throws SQLException {
        double distance = rs.getDouble("distance_km");
        boolean hasDistance = !rs.wasNull();
        return new SpotSummary(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("address"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                rs.getInt("hourly_rate"),
                rs.getString("currency"),
                rs.getString("spot_type"),
                rs.getString("vehicle_size"),
                rs.getBoolean("is_available"),
                rs.getBoolean("is_covered"),
                rs.getBoolean("has_ev_charging"),
                rs.getBoolean("has_security"),
                rs.getBoolean("has_lighting"),
                rs.getBoolean("is_handicap_accessible"),
                round2(rs.getDouble("average_rating")),
                rs.getInt("total_reviews"),
                spots.images(rs.getString("images")),
                rs.getString("time_zone"),
                hasDistance ? round2(distance) : null);
    }
}
