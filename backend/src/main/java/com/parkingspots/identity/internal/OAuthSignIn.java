package com.parkingspots.identity.internal;

import com.parkingspots.shared.security.Role;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.shared.web.ExternalUrls;
import com.parkingspots.shared.web.RequestValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in with Google or Facebook: the account already linked to that provider identity, else the account with the
 * same <em>verified</em> email (which gets linked), else a new password-less account.
 */
@Service
public class OAuthSignIn {

    public record Result(AccountManagement.TokenPair tokens, User user) {}

    private final GoogleIdTokens google;
    private final FacebookGraph facebook;
    private final Users users;
    private final AccountManagement accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OAuthSignIn(
            GoogleIdTokens google,
            FacebookGraph facebook,
            Users users,
            AccountManagement accounts,
            TransactionTemplate transactions,
            Clock clock) {
        this.google = google;
        this.facebook = facebook;
        this.users = users;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result google(String idToken, @Nullable String role) {
        return signIn(google.verify(idToken), role);
    }

    public Result facebook(String accessToken, @Nullable String role) {
        return signIn(facebook.verify(accessToken), role);
    }

    public @Nullable String googleClientId() {
        return google.clientId();
    }

    public @Nullable String googleRedirectUri() {
        return google.redirectUri();
    }

    /** The app id, only when Facebook sign-in is fully configured (id and secret). */
    public @Nullable String facebookAppId() {
        return facebook.configured() ? facebook.appId() : null;
    }

    private Result signIn(ExternalIdentity identity, @Nullable String requestedRole) {
        Role role = "owner".equals(requestedRole) ? Role.OWNER : Role.RENTER;
        User user;
        try {
            user = transactions.execute(status -> findOrCreate(identity, role));
        } catch (DuplicateKeyException raced) {
            // Another request created or linked the same account a moment ago: it is there now.
            user = transactions.execute(status -> findOrCreate(identity, role));
        }
        if (!user.active()) {
            throw ApiException.badRequest("User account is inactive");
        }
        return new Result(accounts.signIn(user.id()), user);
    }

    private User findOrCreate(ExternalIdentity identity, Role role) {
        Instant now = clock.instant();
        User linked = users.findByOAuth(identity.provider(), identity.subject()).orElse(null);
        if (linked != null) {
            return linked;
        }
        String providerName = identity.provider().equals(GoogleIdTokens.PROVIDER) ? "Google" : "Facebook";
        if (identity.email() == null) {
            throw ApiException.badRequest("Your " + providerName
                    + " account does not share an email address; allow it, or sign up with email and password");
        }
        String email = normalize(identity.email(), providerName);
        User existing = users.findByEmail(email).orElse(null);
        if (existing != null) {
            if (!existing.active()) {
                return existing; // refused by the caller; an inactive account is not linked or changed
            }
            if (!identity.emailVerified()) {
                throw ApiException.conflict("An account with this email already exists and " + providerName
                        + " has not verified the address: sign in with your password instead");
            }
            Map<String, @Nullable Object> changes = new LinkedHashMap<>();
            if (existing.oauthProvider() == null) {
                changes.put("oauth_provider", identity.provider());
                changes.put("oauth_id", identity.subject());
            }
            if (existing.profileImage() == null && usableImage(identity.picture()) != null) {
                changes.put("profile_image", usableImage(identity.picture()));
            }
            if (!existing.verified()) {
                changes.put("is_verified", true);
            }
            users.update(existing.id(), changes, now);
            return users.findById(existing.id()).orElseThrow();
        }
        return users.insert(
                email,
                null,
                fullName(identity.name(), email),
                null,
                role,
                identity.emailVerified(),
                usableImage(identity.picture()),
                identity.provider(),
                identity.subject(),
                now);
    }

    private static String normalize(String email, String providerName) {
        try {
            return Emails.normalize(email, List.of("body", "token"));
        } catch (RequestValidationException e) {
            throw ApiException.badRequest("The email address of your " + providerName + " account cannot be used here");
        }
    }

    private static String fullName(@Nullable String name, String email) {
        String value = name == null ? "" : name.strip();
        if (value.length() < 2) {
            value = email.substring(0, email.indexOf('@'));
        }
        if (value.length() < 2) {
            value = email;
        }
        return value.length() > 255 ? value.substring(0, 255) : value;
    }

    private static @Nullable String usableImage(@Nullable String url) {
        return url == null || url.length() > 500 || !ExternalUrls.isHttps(url) ? null : url;
    }
}
