package com.parkingspots.identity.internal;

import com.parkingspots.identity.UserRegistered;
import com.parkingspots.shared.web.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email verification and password reset by single-use emailed links. Each token and its email (into the outbox,
 * delivered with retries) are written in one transaction, in the background: registration
 * never fails because SMTP does, and forgot-password answers at once whether or not the account exists (the lookup,
 * the token and the email all happen after the answer).
 */
@Service
public class AccountRecovery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountRecovery.class);

    private final Users users;
    private final EmailTokens emailTokens;
    private final Sessions sessions;
    private final Passwords passwords;
    private final Mailer mailer;
    private final IdentityProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    AccountRecovery(
            Users users,
            EmailTokens emailTokens,
            Sessions sessions,
            Passwords passwords,
            Mailer mailer,
            IdentityProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.users = users;
        this.emailTokens = emailTokens;
        this.sessions = sessions;
        this.passwords = passwords;
        this.mailer = mailer;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** After the registration committed: send the verification link (a failure is logged, never the user's problem). */
    @TransactionalEventListener
    void on(UserRegistered registered) {
        inBackground(() -> sendVerification(registered.userId(), registered.email(), registered.fullName()));
    }

    /** Sends a new verification link (the first one expired or never arrived). */
    public void resendVerification(UUID userId) {
        User user = users.findById(userId).orElseThrow(() -> ApiException.notFound("User not found"));
        if (user.verified()) {
            throw ApiException.badRequest("Email is already verified");
        }
        inBackground(() -> sendVerification(user.id(), user.email(), user.fullName()));
    }

    /** {@code POST /auth/forgot-password}: the same answer, in the same time, for every well-formed address. */
    public void forgotPassword(String email) {
        inBackground(() -> sendReset(email));
    }

    /** Sets a new password with a reset link's token; every session of the user ends. */
    public void resetPassword(String token, String newPassword) {
        Passwords.validate(newPassword, List.of("body", "new_password"));
        String hash = passwords.hash(newPassword);
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            UUID userId = emailTokens
                    .consume(token, EmailTokens.Purpose.RESET_PASSWORD, now)
                    .orElseThrow(AccountRecovery::invalidToken);
            users.updatePassword(userId, hash, now);
            emailTokens.retireAll(userId, EmailTokens.Purpose.RESET_PASSWORD, now);
            sessions.endAll(userId, "password_reset", now);
        });
    }

    /** Marks the address verified with a verification link's token. */
    public void verifyEmail(String token) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            UUID userId = emailTokens
                    .consume(token, EmailTokens.Purpose.VERIFY_EMAIL, now)
                    .orElseThrow(AccountRecovery::invalidToken);
            users.update(userId, Map.of("is_verified", true), now);
        });
    }

    private void sendVerification(UUID userId, String email, String fullName) {
        try {
            transactions.executeWithoutResult(status -> {
                String token = issue(userId, EmailTokens.Purpose.VERIFY_EMAIL, properties.verificationTokenLifetime());
                String link = link("/verify-email", token);
                mailer.send(new Mailer.Email(
                        email,
                        "Confirm your email address for ParkingSpots",
                        """
                    Hello %s,

                    please confirm your email address by opening this link (it works once, for %d hours):

                    %s

                    If you did not create a ParkingSpots account, ignore this email.
                    """.formatted(fullName, properties.verificationTokenHours(), link),
                        link));
            });
        } catch (RuntimeException e) {
            log.warn("Could not send the verification email of user {}: {}", userId, e.toString());
        }
    }

    private void sendReset(String email) {
        try {
            User user = users.findByEmail(email).filter(User::active).orElse(null);
            if (user == null) {
                return;
            }
            transactions.executeWithoutResult(status -> {
                String token =
                        issue(user.id(), EmailTokens.Purpose.RESET_PASSWORD, properties.passwordResetTokenLifetime());
                String link = link("/reset-password", token);
                mailer.send(new Mailer.Email(
                        user.email(),
                        "Reset your ParkingSpots password",
                        """
                    Hello %s,

                    someone (hopefully you) asked to reset the password of your ParkingSpots account.
                    Open this link to choose a new one (it works once, for %d minutes):

                    %s

                    If you did not ask for this, ignore this email: your password stays as it is.
                    """.formatted(user.fullName(), properties.passwordResetTokenMinutes(), link),
                        link));
            });
        } catch (RuntimeException e) {
            log.warn("Could not send a password reset email: {}", e.toString());
        }
    }

    /** Runs a send in the background with the caller's log context, so its lines carry the request's id. */
    private void inBackground(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        background.execute(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                task.run();
            } finally {
                MDC.clear();
            }
        });
    }

    private String issue(UUID userId, EmailTokens.Purpose purpose, Duration lifetime) {
        return transactions.execute(status -> emailTokens.issue(userId, purpose, clock.instant(), lifetime));
    }

    private String link(String path, String token) {
        return properties.publicBaseUrl() + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static ApiException invalidToken() {
        return ApiException.badRequest("Invalid or expired token");
    }

    /** Lets emails already handed over finish (graceful shutdown), within a bound. */
    @Override
    public void destroy() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }
}
