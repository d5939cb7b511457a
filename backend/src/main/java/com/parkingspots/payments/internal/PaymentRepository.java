package com.parkingspots.payments.internal;

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

@Repository
class PaymentRepository {

    private static final String COLUMNS = """
            id, booking_id, user_id, owner_id, provider, amount, currency, owner_payout, application_fee, status,
            payment_intent_id, destination_account, charge_id, payment_method, card_brand, last_four, failure_message,
            refunded_amount, paid_at, created_at, updated_at, extension_id""";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts unless the booking (or, for an extension's payment, the extension) already has a payment; returns that
     * payment either way.
     */
    Payment insertOrGet(Payment p) {
        insertIfAbsent(p);
        return (p.extensionId() == null ? byBooking(p.bookingId()) : byExtension(p.extensionId())).orElseThrow();
    }

    /** Inserts the payment unless its booking (or extension) has one: true if this call inserted it. */
    boolean insertIfAbsent(Payment p) {
        return jdbc.sql("""
                        INSERT INTO payments (id, booking_id, user_id, owner_id, provider, amount, currency, owner_payout,
                            application_fee, status, payment_intent_id, destination_account, payment_method, paid_at,
                            created_at, updated_at, extension_id)
                        VALUES (:id, :booking, :user, :owner, :provider, :amount, :currency, :payout, :fee, :status,
                            :intent, :destination, :method, :paidAt, :created, :created, :extension)
                        ON CONFLICT DO NOTHING""")
                        .param("id", p.id())
                        .param("booking", p.bookingId())
                        .param("user", p.userId())
                        .param("owner", p.ownerId())
                        .param("provider", p.provider())
                        .param("amount", p.amount())
                        .param("currency", p.currency())
                        .param("payout", p.ownerPayout())
                        .param("fee", p.applicationFee())
                        .param("status", p.status().value())
                        .param("intent", p.paymentIntentId())
                        .param("destination", p.destinationAccount())
                        .param("method", p.paymentMethod())
                        .param("paidAt", ts(p.paidAt()))
                        .param("created", ts(p.createdAt()))
                        .param("extension", p.extensionId())
                        .update()
                == 1;
    }

    Optional<Payment> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id")
                .param("id", id)
                .query(PaymentRepository::map)
                .optional();
    }

    Optional<Payment> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(PaymentRepository::map)
                .optional();
    }

    /** The payment of the booking itself (not of its extensions). */
    Optional<Payment> byBooking(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE booking_id = :booking AND extension_id IS NULL")
                .param("booking", bookingId)
                .query(PaymentRepository::map)
                .optional();
    }

    Optional<Payment> byExtension(UUID extensionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE extension_id = :extension")
                .param("extension", extensionId)
                .query(PaymentRepository::map)
                .optional();
    }

    /** Every payment of the booking: its own first, then its extensions', oldest first. */
    List<Payment> allOfBooking(UUID bookingId) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM payments WHERE booking_id = :booking ORDER BY extension_id IS NOT NULL, created_at, id")
                .param("booking", bookingId)
                .query(PaymentRepository::map)
                .list();
    }

    Optional<Payment> byIntent(String intentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE payment_intent_id = :intent")
                .param("intent", intentId)
                .query(PaymentRepository::map)
                .optional();
    }

    List<Payment> byUser(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE user_id = :user ORDER BY created_at DESC, id")
                .param("user", userId)
                .query(PaymentRepository::map)
                .list();
    }

    /** A payment that is not yet captured succeeded. False when it already had (the other path was first). */
    boolean markSucceeded(UUID id, @Nullable String chargeId, PaymentProvider.@Nullable CardDetails card, Instant now) {
        return jdbc.sql("""
                        UPDATE payments SET status = 'succeeded', charge_id = COALESCE(:charge, charge_id),
                            payment_method = COALESCE(:method, payment_method), card_brand = COALESCE(:brand, card_brand),
                            last_four = COALESCE(:last4, last_four), failure_message = NULL, paid_at = :now,
                            updated_at = :now
                        WHERE id = :id AND status IN ('pending', 'processing', 'failed')""")
                        .param("id", id)
                        .param("charge", chargeId)
                        .param("method", card == null ? null : card.method())
                        .param("brand", card == null ? null : card.brand())
                        .param("last4", card == null ? null : card.lastFour())
                        .param("now", ts(now))
                        .update()
                == 1;
    }

    /** Card details learned after the payment was marked succeeded (they never change anything else). */
    void recordCard(UUID id, @Nullable String chargeId, PaymentProvider.CardDetails card, Instant now) {
        jdbc.sql("""
                        UPDATE payments SET charge_id = COALESCE(charge_id, :charge),
                            payment_method = COALESCE(:method, payment_method), card_brand = COALESCE(:brand, card_brand),
                            last_four = COALESCE(:last4, last_four), updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .param("charge", chargeId)
                .param("method", card.method())
                .param("brand", card.brand())
                .param("last4", card.lastFour())
                .param("now", ts(now))
                .update();
    }

    /** A failed attempt is recorded, but never over a payment that already succeeded (events arrive out of order). */
    boolean markFailed(UUID id, @Nullable String message, Instant now) {
        return jdbc.sql("""
                        UPDATE payments SET status = 'failed', failure_message = :message, updated_at = :now
                        WHERE id = :id AND status IN ('pending', 'processing', 'failed')""")
                        .param("id", id)
                        .param("message", message)
                        .param("now", ts(now))
                        .update()
                == 1;
    }

    void addRefunded(UUID id, int amount, Instant now) {
        jdbc.sql("""
                        UPDATE payments SET refunded_amount = refunded_amount + :amount,
                            status = CASE WHEN refunded_amount + :amount >= amount THEN 'refunded'
                                          ELSE 'partially_refunded' END,
                            updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .param("amount", amount)
                .param("now", ts(now))
                .update();
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        return new Payment(
                rs.getObject("id", UUID.class),
                rs.getObject("booking_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getString("provider"),
                rs.getInt("amount"),
                rs.getString("currency"),
                rs.getInt("owner_payout"),
                rs.getInt("application_fee"),
                Payment.Status.of(rs.getString("status")),
                rs.getString("payment_intent_id"),
                rs.getString("destination_account"),
                rs.getString("charge_id"),
                rs.getString("payment_method"),
                rs.getString("card_brand"),
                rs.getString("last_four"),
                rs.getString("failure_message"),
                rs.getInt("refunded_amount"),
                instant(rs, "paid_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getObject("extension_id", UUID.class));
    }
}
