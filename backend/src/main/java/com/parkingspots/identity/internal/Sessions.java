package com.parkingspots.identity.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Ends every session of a user: access tokens by the token epoch, refresh tokens by their rows (ADR 3). */
@Component
class Sessions {

    private final Users users;
    private final RefreshTokens refreshTokens;
    private final AccountStates accounts;

    Sessions(Users users, RefreshTokens refreshTokens, AccountStates accounts) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
    }

    /** Within the caller's transaction; every instance hears of it once that commits. */
    void endAll(UUID userId, String reason, Instant now) {
        users.revokeTokensUntil(userId, now);
        refreshTokens.revokeAllOf(userId, reason, now);
        accounts.changed(userId);
    }
}
