package com.parkingspots.bookings.internal;

import com.parkingspots.bookings.BookingDayCounts;
import com.parkingspots.bookings.BookingStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code bookings} and {@code booking_transitions} tables. */
@Repository
public class BookingRepository {

    private static final String COLUMNS = """
            id, user_id, parking_spot_id, owner_id, start_time, end_time, status, currency, subtotal, service_fee,
            total_amount, owner_payout, payment_intent_id, payment_status, vehicle_plate, vehicle_make, vehicle_model,
            vehicle_color, special_requests, cancellation_reason, cancelled_by, cancelled_at, hold_expires_at,
            checked_in_at, checked_out_at, created_at, updated_at""";

    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Booking> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE id = ?")
                .param(id)
                .query(BookingRepository::map)
                .optional();
    }

    BookingDayCounts countSince(Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE created_at >= :since) AS created,
                               count(*) FILTER (WHERE created_at >= :since
                                   AND status IN ('confirmed', 'in_progress', 'completed')) AS confirmed,
                               count(*) FILTER (WHERE cancelled_at >= :since) AS cancelled
                        FROM bookings WHERE created_at >= :since OR cancelled_at >= :since""")
                .param("since", ts(since))
                .query((rs, row) ->
                        new BookingDayCounts(rs.getLong("created"), rs.getLong("confirmed"), rs.getLong("cancelled")))
                .single();
    }

    /** Reads the booking and locks its row until the transaction ends: transitions of one booking run one at a time. */
    public Optional<Booking> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE id = ? FOR UPDATE")
                .param(id)
                .query(BookingRepository::map)
                .optional();
    }

    public Optional<Booking> findByPaymentIntent(String paymentIntentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE payment_intent_id = ?")
                .param(paymentIntentId)
                .query(BookingRepository::map)
                .optional();
    }

    public List<Booking> byUser(UUID userId, @Nullable BookingStatus status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE user_id = :user"
                        + (status == null ? "" : " AND status = :status") + " ORDER BY created_at DESC, id")
                .param("user", userId)
                .param("status", status == null ? null : status.value())
                .query(BookingRepository::map)
                .list();
    }

    public List<Booking> byOwner(UUID ownerId, @Nullable BookingStatus status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE owner_id = :owner"
                        + (status == null ? "" : " AND status = :status") + " ORDER BY created_at DESC, id")
                .param("owner", ownerId)
                .param("status", status == null ? null : status.value())
                .query(BookingRepository::map)
                .list();
    }

    /**
     * Serialises booking creation per spot for the rest of the transaction (a transaction-scoped advisory lock).
     * The exclusion constraint alone already forbids overlaps, but concurrent inserts that wait on each other's
     * constraint check while holding other locks (the spot's row, foreign keys) can deadlock; queuing them per spot
     * turns that into a short wait and a clean 409. Different spots never wait for each other (barring a hash clash).
     */
    public void lockSpotForBooking(UUID spotId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(4, ?)")
                .param(spotLockKey(spotId))
                .query((rs, n) -> 1)
                .list();
    }

    private static int spotLockKey(UUID spotId) {
        return (int) (spotId.getMostSignificantBits() ^ spotId.getLeastSignificantBits());
    }

    /**
     * A new booking in one statement: takes the spot's booking lock ({@link #lockSpotForBooking}), then inserts the
     * booking and its first transition. An overlap with an active booking of the spot fails on the exclusion
     * constraint. (The lock is a CTE the insert selects from, so it is taken before the row is inserted.)
     */
    public void insertNew(Booking b, Actor actor) {
        jdbc.sql("""
                        WITH locked AS (SELECT pg_advisory_xact_lock(4, :lock)),
                        booking AS (
                            INSERT INTO bookings (id, user_id, parking_spot_id, owner_id, start_time, end_time, status,
                                currency, subtotal, service_fee, total_amount, owner_payout, payment_intent_id,
                                payment_status, vehicle_plate, vehicle_make, vehicle_model, vehicle_color,
                                special_requests, hold_expires_at, created_at, updated_at)
                            SELECT :id, :user, :spot, :owner, :start, :end, :status, :currency, :subtotal, :fee, :total,
                                :payout, :intent, :paymentStatus, :plate, :make, :model, :color, :requests, :hold,
                                :created, :updated
                            FROM locked
                            RETURNING id, status, created_at)
                        INSERT INTO booking_transitions (booking_id, from_status, to_status, actor, at)
                        SELECT id, NULL, status, :actor, created_at FROM booking""")
                .param("lock", spotLockKey(b.spotId()))
                .param("id", b.id())
                .param("user", b.userId())
                .param("spot", b.spotId())
                .param("owner", b.ownerId())
                .param("start", ts(b.startTime()))
                .param("end", ts(b.endTime()))
                .param("status", b.status().value())
                .param("currency", b.currency())
                .param("subtotal", b.subtotal())
                .param("fee", b.serviceFee())
                .param("total", b.totalAmount())
                .param("payout", b.ownerPayout())
                .param("intent", b.paymentIntentId())
                .param("paymentStatus", b.paymentStatus())
                .param("plate", b.vehiclePlate())
                .param("make", b.vehicleMake())
                .param("model", b.vehicleModel())
                .param("color", b.vehicleColor())
                .param("requests", b.specialRequests())
                .param("hold", ts(b.holdExpiresAt()))
                .param("created", ts(b.createdAt()))
                .param("updated", ts(b.updatedAt()))
                .param("actor", actor.label())
                .update();
    }

    /** Inserts a new booking; an overlap with an active booking of the spot fails on the exclusion constraint. */
    public void insert(Booking b) {
        jdbc.sql("""
                        INSERT INTO bookings (id, user_id, parking_spot_id, owner_id, start_time, end_time, status,
                            currency, subtotal, service_fee, total_amount, owner_payout, payment_intent_id,
                            payment_status, vehicle_plate, vehicle_make, vehicle_model, vehicle_color,
                            special_requests, hold_expires_at, created_at, updated_at)
                        VALUES (:id, :user, :spot, :owner, :start, :end, :status, :currency, :subtotal, :fee, :total,
                            :payout, :intent, :paymentStatus, :plate, :make, :model, :color, :requests, :hold,
                            :created, :updated)""")
                .param("id", b.id())
                .param("user", b.userId())
                .param("spot", b.spotId())
                .param("owner", b.ownerId())
                .param("start", ts(b.startTime()))
                .param("end", ts(b.endTime()))
                .param("status", b.status().value())
                .param("currency", b.currency())
                .param("subtotal", b.subtotal())
                .param("fee", b.serviceFee())
                .param("total", b.totalAmount())
                .param("payout", b.ownerPayout())
                .param("intent", b.paymentIntentId())
                .param("paymentStatus", b.paymentStatus())
                .param("plate", b.vehiclePlate())
                .param("make", b.vehicleMake())
                .param("model", b.vehicleModel())
                .param("color", b.vehicleColor())
                .param("requests", b.specialRequests())
                .param("hold", ts(b.holdExpiresAt()))
                .param("created", ts(b.createdAt()))
                .param("updated", ts(b.updatedAt()))
                .update();
    }

    /** Writes the state after a transition (the row is locked by {@link #lock}) and records the transition. */
    public void save(Booking before, Booking after, Actor actor) {
        jdbc.sql("""
                        UPDATE bookings SET status = :status, payment_intent_id = :intent, payment_status = :paymentStatus,
                            cancellation_reason = :reason, cancelled_by = :cancelledBy, cancelled_at = :cancelledAt,
                            checked_in_at = :checkedIn, checked_out_at = :checkedOut, updated_at = :updated
                        WHERE id = :id""")
                .param("status", after.status().value())
                .param("intent", after.paymentIntentId())
                .param("paymentStatus", after.paymentStatus())
                .param("reason", after.cancellationReason())
                .param("cancelledBy", after.cancelledBy())
                .param("cancelledAt", ts(after.cancelledAt()))
                .param("checkedIn", ts(after.checkedInAt()))
                .param("checkedOut", ts(after.checkedOutAt()))
                .param("updated", ts(after.updatedAt()))
                .param("id", after.id())
                .update();
        if (before.status() != after.status()) {
            recordTransition(after.id(), before.status(), after.status(), actor, after.updatedAt());
        }
    }

    public void recordTransition(
            UUID bookingId, @Nullable BookingStatus from, BookingStatus to, Actor actor, Instant at) {
        jdbc.sql(
                        "INSERT INTO booking_transitions (booking_id, from_status, to_status, actor, at) VALUES (?, ?, ?, ?, ?)")
                .params(bookingId, from == null ? null : from.value(), to.value(), actor.label(), ts(at))
                .update();
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Booking map(ResultSet rs, int row) throws SQLException {
        return new Booking(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("parking_spot_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                instant(rs, "start_time"),
                instant(rs, "end_time"),
                BookingStatus.fromValue(rs.getString("status")),
                rs.getString("currency"),
                rs.getInt("subtotal"),
                rs.getInt("service_fee"),
                rs.getInt("total_amount"),
                rs.getInt("owner_payout"),
                rs.getString("payment_intent_id"),
                rs.getString("payment_status"),
                rs.getString("vehicle_plate"),
                rs.getString("vehicle_make"),
                rs.getString("vehicle_model"),
                rs.getString("vehicle_color"),
                rs.getString("special_requests"),
                rs.getString("cancellation_reason"),
                rs.getObject("cancelled_by", UUID.class),
                instant(rs, "cancelled_at"),
                instant(rs, "hold_expires_at"),
                instant(rs, "checked_in_at"),
                instant(rs, "checked_out_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
