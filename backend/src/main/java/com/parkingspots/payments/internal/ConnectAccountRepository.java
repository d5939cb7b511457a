package com.parkingspots.payments.internal;

import static com.parkingspots.payments.internal.PaymentRepository.instant;
import static com.parkingspots.payments.internal.PaymentRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConnectAccountRepository {

    private static final String COLUMNS =
            "user_id, account_id, charges_enabled, payouts_enabled, details_submitted, state_at, created_at";

    private final JdbcClient jdbc;

    ConnectAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConnectAccount> byUser(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connect_accounts WHERE user_id = :user")
                .param("user", userId)
                .query(ConnectAccountRepository::map)
                .optional();
    }

    /** Stores the user's account id unless one is already stored; returns the stored one. */
    ConnectAccount insertOrGet(UUID userId, String accountId, Instant now) {
        jdbc.sql("""
                        INSERT INTO connect_accounts (user_id, account_id, created_at, updated_at)
                        VALUES (:user, :account, :now, :now)
                        ON CONFLICT (user_id) DO NOTHING""")
                .param("user", userId)
                .param("account", accountId)
                .param("now", ts(now))
                .update();
        return byUser(userId).orElseThrow();
    }

    /** {@code account.updated}: applied unless a newer state was already applied (events arrive out of order). */
    boolean updateState(
            String accountId,
            boolean charges,
            boolean payouts,
            boolean detailsSubmitted,
            Instant stateAt,
            Instant now) {
        return jdbc.sql("""
                        UPDATE connect_accounts SET charges_enabled = :charges, payouts_enabled = :payouts,
                            details_submitted = :details, state_at = :stateAt, updated_at = :now
                        WHERE account_id = :account AND (state_at IS NULL OR state_at <= :stateAt)""")
                        .param("account", accountId)
                        .param("charges", charges)
                        .param("payouts", payouts)
                        .param("details", detailsSubmitted)
                        .param("stateAt", ts(stateAt))
                        .param("now", ts(now))
                        .update()
                == 1;
    }

    private static ConnectAccount map(ResultSet rs, int row) throws SQLException {
        return new ConnectAccount(
                rs.getObject("user_id", UUID.class),
                rs.getString("account_id"),
                rs.getBoolean("charges_enabled"),
                rs.getBoolean("payouts_enabled"),
                rs.getBoolean("details_submitted"),
                instant(rs, "state_at"),
                instant(rs, "created_at"));
    }
}
