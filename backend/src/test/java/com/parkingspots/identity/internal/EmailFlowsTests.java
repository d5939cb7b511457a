package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Email verification and password reset over a real SMTP server: the email arrives, its link works once, and expires. */
class EmailFlowsTests extends IdentityFlowsTest {

    private static final String FORGOT_ANSWER =
            "{\"message\":\"If an account exists with that email, a reset link has been sent.\"}";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void openTheMailGate() {
        MailGate.hold = new CountDownLatch(0);
        MailGate.failing = false;
    }

    // --- verification ---

    @Test
    void registrationEmailsAVerificationLinkThatVerifiesOnceAndOnlyOnce() throws Exception {
        var user = api.signUp("renter");
        MimeMessage email = awaitEmailTo(user.email());
        assertThat(email.getSubject()).contains("Confirm your email");
        assertThat(email.getFrom()[0].toString()).contains("no-reply@parkingspots.example");
        String token = tokenFrom(email, "/verify-email");
        assertThat(me(user).get("is_verified").asBoolean()).isFalse();

        var verified = http.post("/api/v1/auth/verify-email", "{\"token\": \"%s\"}".formatted(token));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("message").asString()).isEqualTo("Email verified successfully");
        assertThat(me(user).get("is_verified").asBoolean()).isTrue();

        var again = http.post("/api/v1/auth/verify-email", "{\"token\": \"%s\"}".formatted(token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).isEqualTo("Invalid or expired token");
    }

    @Test
    void tokensAreStoredOnlyAsTheirSha256() throws Exception {
        var user = api.signUp("renter");
        String token = tokenFrom(awaitEmailTo(user.email()), "/verify-email");
        List<String> stored = jdbc.sql("SELECT encode(token_hash, 'hex') FROM email_tokens WHERE user_id = ?")
                .param(user.id())
                .query(String.class)
                .list();
        assertThat(stored).containsExactly(HexFormat.of().formatHex(EmailTokens.hash(token)));
        assertThat(jdbc.sql("SELECT count(*) FROM email_tokens WHERE position(convert_to(?, 'UTF8') in token_hash) > 0")
                        .param(token)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void verificationLinksLast48HoursAndThenStopWorking() throws Exception {
        var user = api.signUp("owner");
        String token = tokenFrom(awaitEmailTo(user.email()), "/verify-email");
        assertThat(lifetime(user.id(), "verify_email")).isEqualTo(Duration.ofHours(48));

        expire(user.id());
        var expired = http.post("/api/v1/auth/verify-email", "{\"token\": \"%s\"}".formatted(token));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().get("detail").asString()).isEqualTo("Invalid or expired token");
        assertThat(me(user).get("is_verified").asBoolean()).isFalse();
    }

    @Test
    void aSignedInUserCanAskForANewVerificationLinkUntilVerified() throws Exception {
        var user = api.signUp("renter");
        awaitEmailTo(user.email());
        assertThat(http.post("/api/v1/auth/resend-verification", "").status()).isEqualTo(401);
        var resent = http.post("/api/v1/auth/resend-verification", "", user.auth());
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        awaitEmails(user.email(), 2);
        String token = tokenFrom(emailsTo(user.email()).get(1), "/verify-email");
        assertThat(http.post("/api/v1/auth/verify-email", "{\"token\": \"%s\"}".formatted(token))
                        .status())
                .isEqualTo(200);
        var again = http.post("/api/v1/auth/resend-verification", "", user.auth());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).isEqualTo("Email is already verified");
    }

    @Test
    void registrationSucceedsWhenTheMailServerIsDown() {
        MailGate.failing = true;
        String email = Api.uniqueEmail("smtp-down");
        var registered = api.register(email, Api.PASSWORD, "Unlucky Timing", "renter");
        assertThat(registered.status()).isEqualTo(201);
        sleep(300);
        assertThat(emailsTo(email)).isEmpty();
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
    }

    // --- password reset ---

    @Test
    void forgotPasswordEmailsAResetLinkThatSetsTheNewPasswordOnce() throws Exception {
        var user = api.signUp("renter");
        var forgot = forgot(user.email());
        assertThat(forgot.status()).isEqualTo(200);
        assertThat(forgot.body()).isEqualTo(FORGOT_ANSWER);
        MimeMessage email = awaitResetEmail(user.email());
        assertThat(email.getSubject()).contains("Reset your ParkingSpots password");
        String token = tokenFrom(email, "/reset-password");

        var reset = reset(token, "brand-new-password");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("message").asString()).isEqualTo("Password has been reset successfully");
        assertThat(api.login(user.email(), "brand-new-password").status()).isEqualTo(200);
        assertThat(api.login(user.email(), Api.PASSWORD).status()).isEqualTo(401);

        var again = reset(token, "yet-another-password");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).isEqualTo("Invalid or expired token");
        assertThat(api.login(user.email(), "brand-new-password").status()).isEqualTo(200);
    }

    @Test
    void passwordResetRevokesEveryRefreshTokenOfTheUser() throws Exception {
        var user = api.signUp("renter");
        String otherDevice = api.login(user.email(), Api.PASSWORD)
                .json()
                .get("refresh_token")
                .asString();
        forgot(user.email());
        reset(tokenFrom(awaitResetEmail(user.email()), "/reset-password"), "brand-new-password");

        for (String refreshToken : List.of(user.refreshToken(), otherDevice)) {
            var refreshed = http.post("/api/v1/auth/refresh", "{\"refresh_token\": \"%s\"}".formatted(refreshToken));
            assertThat(refreshed.status()).isEqualTo(401);
            assertThat(refreshed.json().get("detail").asString()).isEqualTo("Invalid refresh token");
        }
        var me = http.get("/api/v1/users/me", user.auth());
        assertThat(me.status()).as("the access tokens end with it, at once").isEqualTo(401);
        assertThat(me.json().get("detail").asString()).isEqualTo("Could not validate credentials");
    }

    @Test
    void resetLinksLast30MinutesAndThenStopWorking() throws Exception {
        var user = api.signUp("renter");
        forgot(user.email());
        String token = tokenFrom(awaitResetEmail(user.email()), "/reset-password");
        assertThat(lifetime(user.id(), "reset_password")).isEqualTo(Duration.ofMinutes(30));

        expire(user.id());
        var expired = reset(token, "brand-new-password");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().get("detail").asString()).isEqualTo("Invalid or expired token");
        assertThat(api.login(user.email(), Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aResetRetiresTheUsersOlderResetLinks() throws Exception {
        var user = api.signUp("renter");
        forgot(user.email());
        String first = tokenFrom(awaitResetEmail(user.email()), "/reset-password");
        forgot(user.email());
        awaitEmails(user.email(), 3);
        String second = emailsTo(user.email()).stream()
                .map(email -> tokenFromQuietly(email))
                .filter(token -> token != null && !token.equals(first))
                .findFirst()
                .orElseThrow();

        assertThat(reset(second, "brand-new-password").status()).isEqualTo(200);
        assertThat(reset(first, "attacker-password").status()).isEqualTo(400);
        assertThat(api.login(user.email(), "brand-new-password").status()).isEqualTo(200);
    }

    @Test
    void aResetTokenRacedByManyRequestsWorksExactlyOnce() throws Exception {
        var user = api.signUp("renter");
        forgot(user.email());
        String token = tokenFrom(awaitResetEmail(user.email()), "/reset-password");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                String password = "racing-password-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return reset(token, password).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 400);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        }
    }

    @Test
    void tokensOnlyWorkForTheirOwnPurpose() throws Exception {
        var user = api.signUp("renter");
        String verifyToken = tokenFrom(awaitEmailTo(user.email()), "/verify-email");
        assertThat(reset(verifyToken, "brand-new-password").status()).isEqualTo(400);
        forgot(user.email());
        String resetToken = tokenFrom(awaitResetEmail(user.email()), "/reset-password");
        assertThat(http.post("/api/v1/auth/verify-email", "{\"token\": \"%s\"}".formatted(resetToken))
                        .status())
                .isEqualTo(400);
        assertThat(reset("not-a-token-at-all", "brand-new-password").status()).isEqualTo(400);
    }

    @Test
    void resetChecksTheNewPasswordLikeRegistrationDoes() throws Exception {
        var user = api.signUp("renter");
        forgot(user.email());
        String token = tokenFrom(awaitResetEmail(user.email()), "/reset-password");
        var tooShort = reset(token, "short");
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.json().get("detail").get(0).get("loc").get(1).asString())
                .isEqualTo("new_password");
        assertThat(reset(token, "x".repeat(73)).status()).isEqualTo(422);
        assertThat(reset(token, "long-enough-now").status())
                .as("the token survived the 422s")
                .isEqualTo(200);
        assertThat(http.post("/api/v1/auth/reset-password", "{\"token\": \"abc\"}")
                        .status())
                .isEqualTo(422);
    }

    // --- no account enumeration ---

    @Test
    void forgotPasswordAnswersTheSameForUnknownAccountsAndEmailsNobody() {
        String unknown = Api.uniqueEmail("nobody");
        var response = forgot(unknown);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(FORGOT_ANSWER);
        var user = api.signUp("renter");
        assertThat(forgot(user.email()).body()).isEqualTo(FORGOT_ANSWER);
        awaitResetEmail(user.email());
        assertThat(emailsTo(unknown)).isEmpty();
        assertThat(forgot("not-an-email").status()).isEqualTo(422);
    }

    @Test
    void forgotPasswordAnswersBeforeAnyEmailWorkSoAnExistingAccountIsNotSlower() {
        var user = api.signUp("renter");
        awaitEmailTo(user.email()); // the verification email, out of the way
        MailGate.hold = new CountDownLatch(1);
        long started = System.nanoTime();
        var response = forgot(user.email());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(FORGOT_ANSWER);
        assertThat(took).as("answered while the email was still held back").isLessThan(Duration.ofSeconds(5));
        assertThat(emailsTo(user.email())).hasSize(1);
        MailGate.hold.countDown();
        awaitEmails(user.email(), 2);
    }

    private tools.jackson.databind.JsonNode me(Api.Session user) {
        return http.get("/api/v1/users/me", user.auth()).json();
    }

    private com.parkingspots.support.Http.Response forgot(String email) {
        return http.post("/api/v1/auth/forgot-password", "{\"email\": \"%s\"}".formatted(email));
    }

    private com.parkingspots.support.Http.Response reset(String token, String newPassword) {
        return http.post(
                "/api/v1/auth/reset-password",
                "{\"token\": \"%s\", \"new_password\": \"%s\"}".formatted(token, newPassword));
    }

    /** The reset email (the verification email of the sign-up arrives too). */
    private static MimeMessage awaitResetEmail(String address) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage email : emailsTo(address)) {
                if (subject(email).contains("Reset")) {
                    return email;
                }
            }
            sleep(50);
        }
        throw new AssertionError("No reset email to " + address);
    }

    private static void awaitEmails(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (emailsTo(address).size() < count && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(emailsTo(address)).hasSize(count);
    }

    private static String subject(MimeMessage email) {
        try {
            return email.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tokenFromQuietly(MimeMessage email) {
        return subject(email).contains("Reset") ? tokenFrom(email, "/reset-password") : null;
    }

    private Duration lifetime(UUID userId, String purpose) {
        return jdbc.sql("""
                        SELECT extract(epoch FROM expires_at - created_at)::bigint
                        FROM email_tokens WHERE user_id = ? AND purpose = ?""").params(userId, purpose).query(Long.class).list().stream()
                .map(Duration::ofSeconds)
                .findFirst()
                .orElseThrow();
    }

    /** As if the links had been issued long ago. */
    private void expire(UUID userId) {
        jdbc.sql("""
                        UPDATE email_tokens SET created_at = created_at - interval '49 hours',
                                                expires_at = now() - interval '1 second'
                        WHERE user_id = ?""").param(userId).update();
    }
}
