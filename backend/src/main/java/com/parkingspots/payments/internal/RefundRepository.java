package com.parkingspots.payments.internal;

import static com.parkingspots.payments.internal.PaymentRepository.instant;
import static com.parkingspots.payments.internal.PaymentRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefundRepository {

    private static final String COLUMNS = """
            id, payment_id, sequence, kind, amount, status, reason, requested_by, provider_refund_id, failure_message,
            created_at, updated_at""";

    private final JdbcClient jdbc;

    RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Call with the payment row locked: numbers the refund and reserves its amount. */
    PaymentRefund insertPending(
            UUID paymentId, String kind, int amount, @Nullable String reason, @Nullable UUID requestedBy, Instant now) {
        int sequence = jdbc.sql("SELECT COALESCE(MAX(sequence), 0) + 1 FROM payment_refunds WHERE payment_id = :p")
                .param("p", paymentId)
                .query(Integer.class)
                .single();
        PaymentRefund refund = new PaymentRefund(
                UUID.randomUUID(),
                paymentId,
                sequence,
                kind,
                amount,
                PaymentRefund.PENDING,
                reason,
                requestedBy,
                null,
                null,
                now,
                now);
        jdbc.sql("""
                        INSERT INTO payment_refunds (id, payment_id, sequence, kind, amount, status, reason,
                            requested_by, created_at, updated_at)
                        VALUES (:id, :payment, :sequence, :kind, :amount, 'pending', :reason, :by, :now, :now)""")
                .param("id", refund.id())
                .param("payment", paymentId)
                .param("sequence", sequence)
                .param("kind", kind)
                .param("amount", amount)
                .param("reason", reason)
                .param("by", requestedBy)
                .param("now", ts(now))
                .update();
        return refund;
    }

    /** Succeeded plus pending: what no longer remains to be refunded. */
    int committed(UUID paymentId) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(amount), 0) FROM payment_refunds
                        WHERE payment_id = :p AND status IN ('pending', 'succeeded')""").param("p", paymentId).query(Integer.class).single();
    }

    Optional<PaymentRefund> policyRefund(UUID paymentId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM payment_refunds WHERE payment_id = :p AND kind = 'policy' AND status <> 'failed'")
                .param("p", paymentId)
                .query(RefundRepository::map)
                .optional();
    }

    Optional<PaymentRefund> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refunds WHERE id = :id")
                .param("id", id)
                .query(RefundRepository::map)
                .optional();
    }

    Optional<PaymentRefund> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refunds WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(RefundRepository::map)
                .optional();
    }

    Optional<PaymentRefund> byProviderId(String providerRefundId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refunds WHERE provider_refund_id = :r")
                .param("r", providerRefundId)
                .query(RefundRepository::map)
                .optional();
    }

    /** Refunds the provider never answered for (timeout, crash): they are sent again with the same key. */
    List<PaymentRefund> unsent(UUID paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payment_refunds
                        WHERE payment_id = :p AND status = 'pending' AND provider_refund_id IS NULL
                        ORDER BY sequence""")
                .param("p", paymentId)
                .query(RefundRepository::map)
                .list();
    }

    List<PaymentRefund> byPayment(UUID paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refunds WHERE payment_id = :p ORDER BY sequence")
                .param("p", paymentId)
                .query(RefundRepository::map)
                .list();
    }

    void update(UUID id, String status, @Nullable String providerRefundId, @Nullable String failure, Instant now) {
        jdbc.sql("""
                        UPDATE payment_refunds SET status = :status,
                            provider_refund_id = COALESCE(:provider, provider_refund_id),
                            failure_message = :failure, updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .param("status", status)
                .param("provider", providerRefundId)
                .param("failure", failure)
                .param("now", ts(now))
                .update();
    }

    private static PaymentRefund map(ResultSet rs, int row) throws SQLException {
        return new PaymentRefund(
                rs.getObject("id", UUID.class),
                rs.getObject("payment_id", UUID.class),
                rs.getInt("sequence"),
                rs.getString("kind"),
                rs.getInt("amount"),
                rs.getString("status"),
                rs.getString("reason"),
                rs.getObject("requested_by", UUID.class),
                rs.getString("provider_refund_id"),
                rs.getString("failure_message"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
