package com.parkingspots.identity.internal;

import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.security.Role;
import com.parkingspots.shared.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** User management for admins (spec 7.4): list and search, deactivate, reactivate, change role. */
@Service
public class UserAdministration {

    public record Page(List<User> users, long total) {}

    private final Users users;
    private final Sessions sessions;
    private final AccountStates accounts;
    private final AdminAuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UserAdministration(
            Users users,
            Sessions sessions,
            AccountStates accounts,
            AdminAuditLog audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Page list(Caller admin, Users.Search search, int page, int pageSize) {
        requireAdmin(admin);
        return new Page(users.search(search, pageSize, (long) (page - 1) * pageSize), users.count(search));
    }

    /**
     * Locks the user out at once on every instance: access tokens stop working, refresh tokens are revoked, and the
     * tokens issued until now stay dead after a reactivation.
     */
    public User deactivate(Caller admin, UUID userId) {
        requireAdmin(admin);
        if (admin.is(userId)) {
            throw ApiException.badRequest("You cannot deactivate your own account");
        }
        return transactions.execute(status -> {
            Instant now = clock.instant();
            existing(userId);
            users.update(userId, Map.of("is_active", false), now);
            sessions.endAll(userId, "deactivated", now);
            audit.record(admin, "user.deactivated", "user", userId, Map.of());
            return existing(userId);
        });
    }

    public User reactivate(Caller admin, UUID userId) {
        requireAdmin(admin);
        return transactions.execute(status -> {
            existing(userId);
            users.update(userId, Map.of("is_active", true), clock.instant());
            accounts.changed(userId);
            audit.record(admin, "user.reactivated", "user", userId, Map.of());
            return existing(userId);
        });
    }

    public User changeRole(Caller admin, UUID userId, Role role) {
        requireAdmin(admin);
        if (admin.is(userId) && role != Role.ADMIN) {
            throw ApiException.badRequest("You cannot remove your own admin role");
        }
        return transactions.execute(status -> {
            User before = existing(userId);
            users.update(userId, Map.of("role", role.value()), clock.instant());
            audit.record(
                    admin,
                    "user.role_changed",
                    "user",
                    userId,
                    Map.of("from", before.role().value(), "to", role.value()));
            accounts.changed(userId); // the user's existing tokens carry the new role at once, on every instance
            return existing(userId);
        });
    }

    private User existing(UUID userId) {
        return users.findById(userId).orElseThrow(() -> ApiException.notFound("User not found"));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Not enough permissions");
        }
    }
}
