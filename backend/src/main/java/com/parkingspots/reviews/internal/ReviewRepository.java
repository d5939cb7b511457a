package com.parkingspots.reviews.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reviews} and {@code review_helpful_votes} tables. */
@Repository
public class ReviewRepository {

    private static final String COLUMNS = """
            id, booking_id, parking_spot_id, reviewer_id, overall_rating, cleanliness_rating, accessibility_rating,
            accuracy_rating, value_rating, title, comment, owner_response, owner_responded_at, helpful_count,
            stay_ended_at, created_at, updated_at""";

    /** Orders a spot's reviews may be listed in; ties broken by newest, then id, so pages are stable. */
    public enum Sort {
        NEWEST("created_at DESC, id"),
        HELPFUL("helpful_count DESC, created_at DESC, id"),
        RATING_HIGH("overall_rating DESC, created_at DESC, id"),
        RATING_LOW("overall_rating ASC, created_at DESC, id");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    public record Summary(
            double averageRating,
            int totalReviews,
            Map<String, Integer> ratingBreakdown,
            @Nullable Double averageCleanliness,
            @Nullable Double averageAccessibility,
            @Nullable Double averageAccuracy,
            @Nullable Double averageValue) {}

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Review> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reviews WHERE id = ?")
                .param(id)
                .query(ReviewRepository::map)
                .optional();
    }

    public Optional<Review> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reviews WHERE id = ? FOR UPDATE")
                .param(id)
                .query(ReviewRepository::map)
                .optional();
    }

    public List<Review> bySpot(UUID spotId, Sort sort, int page, int pageSize) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reviews WHERE parking_spot_id = ? ORDER BY " + sort.orderBy
                        + " LIMIT ? OFFSET ?")
                .params(spotId, pageSize, (long) (page - 1) * pageSize)
                .query(ReviewRepository::map)
                .list();
    }

    /** One page of the reviews of the given spots, their number in {@code total}. */
    public record Page(List<Review> reviews, long total) {}

    /**
     * Reviews of the given spots, those still awaiting the owner's response first, then newest; with
     * {@code awaitingOnly}, only those.
     */
    public Page ofSpots(List<UUID> spotIds, boolean awaitingOnly, int page, int pageSize) {
        if (spotIds.isEmpty()) {
            return new Page(List.of(), 0);
        }
        String where = "parking_spot_id IN (:spots)" + (awaitingOnly ? " AND owner_response IS NULL" : "");
        long total = jdbc.sql("SELECT count(*) FROM reviews WHERE " + where)
                .param("spots", spotIds)
                .query(Long.class)
                .single();
        List<Review> reviews = jdbc.sql("SELECT " + COLUMNS + " FROM reviews WHERE " + where
                        + " ORDER BY (owner_response IS NULL) DESC, created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("spots", spotIds)
                .param("limit", pageSize)
                .param("offset", (long) (page - 1) * pageSize)
                .query(ReviewRepository::map)
                .list();
        return new Page(reviews, total);
    }

    /** Inserts a review; a second review of the same booking fails on the unique index (DuplicateKeyException). */
    public void insert(Review r) {
        jdbc.sql("""
                        INSERT INTO reviews (id, booking_id, parking_spot_id, reviewer_id, overall_rating,
                            cleanliness_rating, accessibility_rating, accuracy_rating, value_rating, title, comment,
                            helpful_count, stay_ended_at, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(
                        r.id(),
                        r.bookingId(),
                        r.spotId(),
                        r.reviewerId(),
                        r.overallRating(),
                        r.cleanlinessRating(),
                        r.accessibilityRating(),
                        r.accuracyRating(),
                        r.valueRating(),
                        r.title(),
                        r.comment(),
                        Timestamp.from(r.stayEndedAt()),
                        Timestamp.from(r.createdAt()),
                        Timestamp.from(r.updatedAt()))
                .update();
    }

    /** Applies whitelisted column values. */
    public void update(UUID id, Map<String, @Nullable Object> columns, Instant now) {
        Map<String, @Nullable Object> params = new LinkedHashMap<>(columns);
        StringBuilder sql = new StringBuilder("UPDATE reviews SET updated_at = :updated_at");
        columns.keySet()
                .forEach(
                        column -> sql.append(", ").append(column).append(" = :").append(column));
        params.put("updated_at", Timestamp.from(now));
        params.put("id", id);
        jdbc.sql(sql.append(" WHERE id = :id").toString()).params(params).update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM reviews WHERE id = ?").param(id).update();
    }

    /** Adds the user's vote; false when they had already voted. */
    public boolean addVote(UUID reviewId, UUID userId, Instant now) {
        int inserted =
                jdbc.sql("""
                        INSERT INTO review_helpful_votes (review_id, user_id, created_at) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""").params(reviewId, userId, Timestamp.from(now)).update();
        if (inserted == 1) {
            jdbc.sql("UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = ?")
                    .param(reviewId)
                    .update();
        }
        return inserted == 1;
    }

    public boolean removeVote(UUID reviewId, UUID userId) {
        int deleted = jdbc.sql("DELETE FROM review_helpful_votes WHERE review_id = ? AND user_id = ?")
                .params(reviewId, userId)
                .update();
        if (deleted == 1) {
            jdbc.sql("UPDATE reviews SET helpful_count = helpful_count - 1 WHERE id = ?")
                    .param(reviewId)
                    .update();
        }
        return deleted == 1;
    }

    public int helpfulCount(UUID reviewId) {
        return jdbc.sql("SELECT helpful_count FROM reviews WHERE id = ?")
                .param(reviewId)
                .query(Integer.class)
                .single();
    }

    /** Average and count of a spot's overall ratings, from the table itself. */
    public double[] aggregate(UUID spotId) {
        return jdbc.sql("SELECT coalesce(avg(overall_rating), 0), count(*) FROM reviews WHERE parking_spot_id = ?")
                .param(spotId)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getLong(2)})
                .single();
    }

    public Summary summary(UUID spotId) {
        return jdbc.sql("""
                        SELECT round(coalesce(avg(overall_rating), 0), 2)::float8 AS average, count(*) AS total,
                               count(*) FILTER (WHERE overall_rating = 1) AS r1,
                               count(*) FILTER (WHERE overall_rating = 2) AS r2,
                               count(*) FILTER (WHERE overall_rating = 3) AS r3,
                               count(*) FILTER (WHERE overall_rating = 4) AS r4,
                               count(*) FILTER (WHERE overall_rating = 5) AS r5,
                               round(avg(cleanliness_rating), 2)::float8 AS cleanliness,
                               round(avg(accessibility_rating), 2)::float8 AS accessibility,
                               round(avg(accuracy_rating), 2)::float8 AS accuracy,
                               round(avg(value_rating), 2)::float8 AS value
                        FROM reviews WHERE parking_spot_id = ?""")
                .param(spotId)
                .query((rs, n) -> {
                    Map<String, Integer> breakdown = new LinkedHashMap<>();
                    for (int i = 1; i <= 5; i++) {
                        breakdown.put(Integer.toString(i), rs.getInt("r" + i));
                    }
                    return new Summary(
                            rs.getDouble("average"),
                            rs.getInt("total"),
                            breakdown,
                            rs.getObject("cleanliness", Double.class),
                            rs.getObject("accessibility", Double.class),
                            rs.getObject("accuracy", Double.class),
                            rs.getObject("value", Double.class));
                })
                .single();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Review map(ResultSet rs, int row) throws SQLException {
        return new Review(
                rs.getObject("id", UUID.class),
                rs.getObject("booking_id", UUID.class),
                rs.getObject("parking_spot_id", UUID.class),
                rs.getObject("reviewer_id", UUID.class),
                rs.getInt("overall_rating"),
                rs.getObject("cleanliness_rating", Integer.class),
                rs.getObject("accessibility_rating", Integer.class),
                rs.getObject("accuracy_rating", Integer.class),
                rs.getObject("value_rating", Integer.class),
                rs.getString("title"),
                rs.getString("comment"),
                rs.getString("owner_response"),
                instant(rs, "owner_responded_at"),
                rs.getInt("helpful_count"),
                instant(rs, "stay_ended_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
