package com.parkingspots.bookings.internal;

import static com.parkingspots.bookings.internal.BookingRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code booking_extensions} table, and the columns of {@code bookings} an extension changes. */
@Repository
class ExtensionRepository {

    private static final String COLUMNS = """
            id, booking_id, previous_end_time, new_end_time, status, currency, subtotal, service_fee, total_amount,
            owner_payout, payment_status, hold_expires_at, created_at, updated_at""";

    private final JdbcClient jdbc;

    ExtensionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Extension> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_extensions WHERE id = ?")
                .param(id)
                .query(ExtensionRepository::map)
                .optional();
    }

    Optional<Extension> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_extensions WHERE id = ? FOR UPDATE")
                .param(id)
                .query(ExtensionRepository::map)
                .optional();
    }

    List<Extension> ofBooking(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_extensions WHERE booking_id = ? ORDER BY created_at, id")
                .param(bookingId)
                .query(ExtensionRepository::map)
                .list();
    }

    Optional<Extension> pendingOf(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_extensions WHERE booking_id = ? AND status = 'pending'")
                .param(bookingId)
                .query(ExtensionRepository::map)
                .optional();
    }

    List<Extension> pendingOf(Collection<UUID> bookingIds) {
        if (bookingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM booking_extensions WHERE booking_id IN (:ids) AND status = 'pending'")
                .param("ids", bookingIds)
                .query(ExtensionRepository::map)
                .list();
    }

    void insert(Extension e) {
        jdbc.sql("""
                        INSERT INTO booking_extensions (id, booking_id, previous_end_time, new_end_time, status, currency,
                            subtotal, service_fee, total_amount, owner_payout, payment_status, hold_expires_at,
                            created_at, updated_at)
                        VALUES (:id, :booking, :previous, :next, :status, :currency, :subtotal, :fee, :total, :payout,
                            :paymentStatus, :hold, :created, :updated)""")
                .param("id", e.id())
                .param("booking", e.bookingId())
                .param("previous", ts(e.previousEndTime()))
                .param("next", ts(e.newEndTime()))
                .param("status", e.status())
                .param("currency", e.currency())
                .param("subtotal", e.subtotal())
                .param("fee", e.serviceFee())
                .param("total", e.totalAmount())
                .param("payout", e.ownerPayout())
                .param("paymentStatus", e.paymentStatus())
                .param("hold", ts(e.holdExpiresAt()))
                .param("created", ts(e.createdAt()))
                .param("updated", ts(e.updatedAt()))
                .update();
    }

    void settle(UUID id, String status, String paymentStatus, Instant now) {
        jdbc.sql("UPDATE booking_extensions SET status = ?, payment_status = ?, updated_at = ? WHERE id = ?")
                .params(status, paymentStatus, Timestamp.from(now), id)
                .update();
    }

    /** The booking holds {@code [start, heldUntil)} while the extension waits for payment (the constraint guards it). */
    void hold(UUID bookingId, @Nullable Instant heldUntil, Instant now) {
        jdbc.sql("UPDATE bookings SET held_until = ?, updated_at = ? WHERE id = ?")
                .params(ts(heldUntil), Timestamp.from(now), bookingId)
                .update();
    }

    /** The extension takes effect: the booking ends later and costs the extension's amounts more. */
    void apply(UUID bookingId, Extension e, Instant now) {
        jdbc.sql("""
                        UPDATE bookings SET end_time = :end, held_until = NULL, subtotal = subtotal + :subtotal,
                            service_fee = service_fee + :fee, total_amount = total_amount + :total,
                            owner_payout = owner_payout + :payout, updated_at = :now
                        WHERE id = :id""")
                .param("end", ts(e.newEndTime()))
                .param("subtotal", e.subtotal())
                .param("fee", e.serviceFee())
                .param("total", e.totalAmount())
                .param("payout", e.ownerPayout())
                .param("now", ts(now))
                .param("id", bookingId)
                .update();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Extension map(ResultSet rs, int row) throws SQLException {
        return new Extension(
                rs.getObject("id", UUID.class),
                rs.getObject("booking_id", UUID.class),
                instant(rs, "previous_end_time"),
                instant(rs, "new_end_time"),
                rs.getString("status"),
                rs.getString("currency"),
                rs.getInt("subtotal"),
                rs.getInt("service_fee"),
                rs.getInt("total_amount"),
                rs.getInt("owner_payout"),
                rs.getString("payment_status"),
                instant(rs, "hold_expires_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
