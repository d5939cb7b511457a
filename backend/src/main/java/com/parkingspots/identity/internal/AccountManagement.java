package com.parkingspots.identity.internal;

import com.parkingspots.identity.UserRegistered;
import com.parkingspots.shared.security.Role;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.shared.web.ExternalUrls;
import com.parkingspots.shared.web.PartialUpdate;
import com.parkingspots.shared.web.RequestValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-up, sign-in, token refresh and the account's own changes, each in one transaction. */
@Service
public class AccountManagement {

    public record TokenPair(String accessToken, String refreshToken) {}

    private final Users users;
    private final RefreshTokens refreshTokens;
    private final Sessions sessions;
    private final Tokens tokens;
    private final Passwords passwords;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountManagement(
            Users users,
            RefreshTokens refreshTokens,
            Sessions sessions,
            Tokens tokens,
            Passwords passwords,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public User register(String rawEmail, String password, String fullName, @Nullable String phoneNumber, Role role) {
        String email = Emails.normalize(rawEmail, List.of("body", "email"));
        Passwords.validate(password, List.of("body", "password"));
        if (role == Role.ADMIN) {
            throw RequestValidationException.of("enum", List.of("body", "role"), "Input should be 'renter' or 'owner'");
        }
        String hash = passwords.hash(password);
        return transactions.execute(status -> {
            try {
                User user = users.insert(
                        email, hash, fullName.strip(), phoneNumber, role, false, null, null, null, clock.instant());
                events.publishEvent(new UserRegistered(user.id(), user.email(), user.fullName()));
                return user;
            } catch (DuplicateKeyException duplicate) {
                throw ApiException.conflict("Email already registered");
            }
        });
    }

    public TokenPair login(String rawEmail, String password) {
        String email = Emails.normalize(rawEmail, List.of("body", "email"));
        User user = users.findByEmail(email).orElse(null);
        if (user == null || !user.hasPassword()) {
            passwords.matchNothing(password);
            throw ApiException.unauthorized("Incorrect email or password");
        }
        Passwords.Verification verified = passwords.verify(password, user.hashedPassword());
        if (!verified.matches()) {
            throw ApiException.unauthorized("Incorrect email or password");
        }
        if (!user.active()) {
            throw ApiException.badRequest("User account is inactive");
        }
        return transactions.execute(status -> {
            if (verified.upgradedHash() != null) {
                // a bcrypt hash (the previous system's) becomes Argon2id at the first sign-in that proves the password
                users.upgradePasswordHash(user.id(), user.hashedPassword(), verified.upgradedHash());
            }
            return issuePair(user.id(), UUID.randomUUID());
        });
    }

    /** Signs in a user found or created by an external identity provider. */
    public TokenPair signIn(UUID userId) {
        return transactions.execute(status -> issuePair(userId, UUID.randomUUID()));
    }

    /**
     * Rotates a refresh token: the presented one is retired and a new pair of the same family returned. A retired token
     * presented again means it leaked (or a client raced itself): the whole family is revoked, so whoever holds the
     * newer token must sign in again too.
     */
    public TokenPair refresh(String refreshToken) {
        Tokens.Claims claims = tokens.read(refreshToken, Tokens.Type.REFRESH)
                .orElseThrow(() -> ApiException.unauthorized("Invalid refresh token"));
        Instant now = clock.instant();
        RefreshOutcome outcome = transactions.execute(status -> {
            UUID family;
            if (claims.jti() == null) {
                // Issued by the previous backend (no jti, no record): honoured once, then it joins rotation.
                family = UUID.randomUUID();
            } else {
                RefreshTokens.Row row = refreshTokens.lock(claims.jti()).orElse(null);
                if (row == null || !row.userId().equals(claims.subject())) {
                    return RefreshOutcome.INVALID;
                }
                if (row.revoked()) {
                    refreshTokens.revokeFamily(row.familyId(), "reuse", now);
                    return RefreshOutcome.INVALID;
                }
                refreshTokens.revoke(row.jti(), "rotated", now);
                family = row.familyId();
            }
            User user = users.findById(claims.subject()).orElse(null);
            if (user == null || !user.active()) {
                return RefreshOutcome.INACTIVE;
            }
            if (!claims.issuedAfter(user.tokensValidAfter())) {
                // issued before the user's sessions were ended: an old backend's token (no jti, no row) ends here
                return RefreshOutcome.INVALID;
            }
            return new RefreshOutcome(issuePair(user.id(), family));
        });
        return switch (outcome.status()) {
            case INVALID -> throw ApiException.unauthorized("Invalid refresh token");
            case INACTIVE -> throw ApiException.unauthorized("User not found or inactive");
            case ROTATED -> outcome.pair();
        };
    }

    /** Revokes the family of the given refresh token (this device's session). */
    public void logout(String refreshToken) {
        Tokens.Claims claims = tokens.read(refreshToken, Tokens.Type.REFRESH)
                .orElseThrow(() -> ApiException.unauthorized("Invalid refresh token"));
        if (claims.jti() == null) {
            return;
        }
        transactions.executeWithoutResult(status -> refreshTokens
                .lock(claims.jti())
                .filter(row -> row.userId().equals(claims.subject()))
                .ifPresent(row -> refreshTokens.revokeFamily(row.familyId(), "logout", clock.instant())));
    }

    /**
     * Logout everywhere: every access token issued so far is refused at once on every instance, every refresh token is
     * revoked.
     */
    public void logoutEverywhere(UUID userId) {
        transactions.executeWithoutResult(status -> sessions.endAll(userId, "logout_all", clock.instant()));
    }

    public void changePassword(UUID userId, String currentPassword, String newPassword) {
        User user = users.findById(userId).orElseThrow(() -> ApiException.notFound("User not found"));
        if (!user.hasPassword()) {
            throw ApiException.badRequest(
                    "This account signs in with Google or Facebook and has no password to change");
        }
        if (!passwords.matches(currentPassword, user.hashedPassword())) {
            throw ApiException.badRequest("Incorrect current password");
        }
        Passwords.validate(newPassword, List.of("body", "new_password"));
        String hash = passwords.hash(newPassword);
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            users.updatePassword(userId, hash, now);
            sessions.endAll(userId, "password", now);
        });
    }

    /** Soft delete: the account stops working everywhere, its history stays. */
    public void deactivate(UUID userId) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            users.update(userId, Map.of("is_active", false), now);
            sessions.endAll(userId, "deactivated", now);
        });
    }

    /** {@code PUT /users/me}: only these profile fields; email, role, flags and ids cannot be set here. */
    public User updateProfile(UUID userId, PartialUpdate update) {
        Map<String, @Nullable Object> columns = new LinkedHashMap<>();
        update.string("full_name", 2, 255, false)
                .ifPresent(f -> columns.put("full_name", f.value().strip()));
        update.string("phone_number", 0, 20, true).ifPresent(f -> columns.put("phone_number", blankToNull(f.value())));
        update.string("profile_image", 0, 500, true).ifPresent(f -> {
            String image = blankToNull(f.value());
            if (image == null || ExternalUrls.isHttps(image)) {
                columns.put("profile_image", image);
            } else {
                update.fail("profile_image", "url_scheme", "profile_image must be an https: URL");
            }
        });
        update.number("latitude", -90, 90, true).ifPresent(f -> columns.put("latitude", f.value()));
        update.number("longitude", -180, 180, true).ifPresent(f -> columns.put("longitude", f.value()));
        update.validate();
        return transactions.execute(status -> {
            users.update(userId, columns, clock.instant());
            return users.findById(userId).orElseThrow(() -> ApiException.notFound("User not found"));
        });
    }

    public User get(UUID userId) {
        return users.findById(userId).orElseThrow(() -> ApiException.notFound("User not found"));
    }

    private TokenPair issuePair(UUID userId, UUID family) {
        Tokens.Issued access = tokens.issue(userId, Tokens.Type.ACCESS);
        Tokens.Issued refresh = tokens.issue(userId, Tokens.Type.REFRESH);
        refreshTokens.insert(refresh.jti(), userId, family, refresh.issuedAt(), refresh.expiresAt());
        return new TokenPair(access.token(), refresh.token());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private record RefreshOutcome(Status status, @Nullable TokenPair pair) {
        enum Status {
            ROTATED,
            INVALID,
            INACTIVE
        }

        static final RefreshOutcome INVALID = new RefreshOutcome(Status.INVALID, null);
        static final RefreshOutcome INACTIVE = new RefreshOutcome(Status.INACTIVE, null);

        RefreshOutcome(TokenPair pair) {
            this(Status.ROTATED, pair);
        }
    }
}
