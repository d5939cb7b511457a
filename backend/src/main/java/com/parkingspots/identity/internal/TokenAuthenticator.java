package com.parkingspots.identity.internal;

import com.parkingspots.shared.security.BearerAuthenticator;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.security.Role;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Access tokens → callers. The account is read on every request, so a deactivated user is locked out at once. */
@Component
class TokenAuthenticator implements BearerAuthenticator {

    private record Account(UUID id, Role role, boolean active) {}

    private final Tokens tokens;
    private final JdbcClient jdbc;

    TokenAuthenticator(Tokens tokens, JdbcClient jdbc) {
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    @Override
    public Result authenticate(String token) {
        var claims = tokens.read(token, Tokens.Type.ACCESS).orElse(null);
        if (claims == null) {
            return new Invalid();
        }
        Account account = jdbc.sql("SELECT id, role, is_active FROM users WHERE id = ?")
                .param(claims.subject())
                .query((rs, n) -> new Account(
                        rs.getObject("id", UUID.class),
                        Role.fromValue(rs.getString("role")),
                        rs.getBoolean("is_active")))
                .optional()
                .orElse(null);
        if (account == null) {
            return new Invalid();
        }
        if (!account.active()) {
            return new Inactive();
        }
        return new Authenticated(new Caller(account.id(), account.role()));
    }
}
