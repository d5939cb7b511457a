package com.parkingspots.payments.internal;

import static com.parkingspots.payments.internal.PaymentRepository.instant;
import static com.parkingspots.payments.internal.PaymentRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PayoutRepository {

    private static final String COLUMNS =
            "id, owner_id, booking_id, payment_id, amount, currency, status, processed_at, created_at";

    private final JdbcClient jdbc;

    PayoutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per booking: a second completion event (redelivery) changes nothing. */
    boolean insert(Payout payout) {
        return jdbc.sql("""
                        INSERT INTO payouts (id, owner_id, booking_id, payment_id, amount, currency, status,
                            processed_at, created_at)
                        VALUES (:id, :owner, :booking, :payment, :amount, :currency, :status, :processed, :created)
                        ON CONFLICT (booking_id) DO NOTHING""")
                        .param("id", payout.id())
                        .param("owner", payout.ownerId())
                        .param("booking", payout.bookingId())
                        .param("payment", payout.paymentId())
                        .param("amount", payout.amount())
                        .param("currency", payout.currency())
                        .param("status", payout.status())
                        .param("processed", ts(payout.processedAt()))
                        .param("created", ts(payout.createdAt()))
                        .update()
                == 1;
    }

    /** A refund after completion lowers what the owner earned from that booking. */
    void setAmountForBooking(UUID bookingId, int amount) {
        jdbc.sql("UPDATE payouts SET amount = :amount WHERE booking_id = :booking")
                .param("booking", bookingId)
                .param("amount", amount)
                .update();
    }

    void setAmountForPayment(UUID paymentId, int amount) {
        jdbc.sql("UPDATE payouts SET amount = :amount WHERE payment_id = :payment")
                .param("payment", paymentId)
                .param("amount", amount)
                .update();
    }

    List<Payout> byOwner(UUID ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payouts WHERE owner_id = :owner ORDER BY created_at DESC, id")
                .param("owner", ownerId)
                .query(PayoutRepository::map)
                .list();
    }

    Payout.Summary summary(UUID ownerId, Instant monthStart) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(amount) FILTER (WHERE status = 'paid'), 0) AS total,
                               COALESCE(SUM(amount) FILTER (WHERE status = 'pending'), 0) AS pending,
                               COUNT(*) FILTER (WHERE status = 'paid') AS completed,
                               COALESCE(SUM(amount) FILTER (WHERE status = 'paid' AND processed_at >= :month), 0)
                                   AS this_month
                        FROM payouts WHERE owner_id = :owner""")
                .param("owner", ownerId)
                .param("month", ts(monthStart))
                .query((rs, row) -> new Payout.Summary(
                        rs.getLong("total"), rs.getLong("pending"), rs.getLong("completed"), rs.getLong("this_month")))
                .single();
    }

    private static Payout map(ResultSet rs, int row) throws SQLException {
        return new Payout(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getObject("booking_id", UUID.class),
                rs.getObject("payment_id", UUID.class),
                rs.getInt("amount"),
                rs.getString("currency"),
                rs.getString("status"),
                instant(rs, "processed_at"),
                instant(rs, "created_at"));
    }
}
