package com.parkingspots.identity.internal;

import com.parkingspots.shared.security.BearerAuthenticator;
import com.parkingspots.shared.security.Caller;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Access tokens → callers, from memory ({@link AccountStates}): a deactivated account is {@code Inactive}, a token issued
 * at or before the user's token epoch is {@code Revoked} (ADR 3). Both act at once on every instance.
 */
@Component
class TokenAuthenticator implements BearerAuthenticator {

    private final Tokens tokens;
    private final AccountStates accounts;

    TokenAuthenticator(Tokens tokens, AccountStates accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public Result authenticate(String token) {
        var claims = tokens.read(token, Tokens.Type.ACCESS).orElse(null);
        if (claims == null) {
            return new Invalid();
        }
        AccountState account = accounts.get(claims.subject()).orElse(null);
        if (account == null) {
            return new Invalid();
        }
        if (!account.active()) {
            return new Inactive();
        }
        if (!claims.issuedAfter(account.tokensValidAfter())) {
            return new Revoked();
        }
        return new Authenticated(new Caller(account.id(), account.role()));
    }

    @Override
    public void onAccountChange(Consumer<UUID> listener) {
        accounts.onChange(listener);
    }
}
