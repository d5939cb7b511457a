package com.parkingspots.identity.internal;

import com.parkingspots.shared.security.Role;
import com.parkingspots.shared.web.RequestValidationException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first admin, from {@code ADMIN_EMAIL}/{@code ADMIN_PASSWORD} at start-up: created when no account has that email,
 * promoted when one does (its password is left alone). Idempotent, so every start and every instance may run it.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final Passwords passwords;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final AccountStates accounts;
    private final Clock clock;

    AdminBootstrap(
            Users users,
            Passwords passwords,
            TransactionTemplate transactions,
            IdentityProperties properties,
            AccountStates accounts,
            Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.passwords = passwords;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.adminEmail() != null) {
            ensureAdmin(properties.adminEmail(), properties.adminPassword());
        }
    }

    void ensureAdmin(String rawEmail, @Nullable String password) {
        String email;
        try {
            email = Emails.normalize(rawEmail, List.of("ADMIN_EMAIL"));
        } catch (RequestValidationException e) {
            throw new IllegalStateException("ADMIN_EMAIL is not usable: " + e.getMessage());
        }
        if (promote(email)) {
            return;
        }
        if (password == null) {
            throw new IllegalStateException(
                    "ADMIN_EMAIL names no existing account: set ADMIN_PASSWORD too, so the admin can be created");
        }
        try {
            Passwords.validate(password, List.of("ADMIN_PASSWORD"));
        } catch (RequestValidationException e) {
            throw new IllegalStateException("ADMIN_PASSWORD is not usable: " + e.getMessage());
        }
        String hash = passwords.hash(password);
        try {
            transactions.executeWithoutResult(status -> users.insert(
                    email, hash, "Administrator", null, Role.ADMIN, true, null, null, null, clock.instant()));
            log.info("Created the admin account {} (ADMIN_EMAIL)", email);
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            promote(email);
        }
    }

    private boolean promote(String email) {
        Boolean found = transactions.execute(status -> {
            User user = users.findByEmail(email).orElse(null);
            if (user == null) {
                return false;
            }
            if (user.role() != Role.ADMIN) {
                users.update(user.id(), Map.of("role", Role.ADMIN.value()), clock.instant());
                accounts.changed(user.id());
                log.info("Made {} an admin (ADMIN_EMAIL)", email);
            }
            return true;
        });
        return Boolean.TRUE.equals(found);
    }
}
