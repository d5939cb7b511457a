package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.parkingspots.support.ApiTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application wired to local stand-ins for the outside world: a real SMTP server in-process (GreenMail), a stub of
 * Google's JWKS and Facebook's Graph API (WireMock) signed with a test RSA key, and a bootstrap admin. One Spring context
 * (and one embedded PostgreSQL) shared by every subclass; nothing reaches the internet.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "parkingspots.identity.google.client-id=" + IdentityFlowsTest.GOOGLE_CLIENT_ID,
            "parkingspots.identity.google.redirect-uri=http://parkingspots.example/auth/google/callback",
            "parkingspots.identity.facebook.app-id=" + IdentityFlowsTest.FACEBOOK_APP_ID,
            "parkingspots.identity.facebook.app-secret=" + IdentityFlowsTest.FACEBOOK_APP_SECRET,
            "parkingspots.identity.mail.smtp-starttls=false",
            "parkingspots.identity.mail.from=ParkingSpots Test <no-reply@parkingspots.example>",
            "parkingspots.identity.public-base-url=http://parkingspots.example/",
            "parkingspots.identity.admin-email=" + IdentityFlowsTest.ADMIN_EMAIL,
            "parkingspots.identity.admin-password=" + IdentityFlowsTest.ADMIN_PASSWORD,
        })
@Import(IdentityFlowsTest.MailGate.class)
abstract class IdentityFlowsTest extends ApiTest {

    static final String GOOGLE_CLIENT_ID = "test-client.apps.googleusercontent.com";
    static final String FACEBOOK_APP_ID = "1234567890";
    static final String FACEBOOK_APP_SECRET = "test-facebook-app-secret";
    static final String ADMIN_EMAIL = "root-admin@example.com";
    static final String ADMIN_PASSWORD = "admin-password-123";

    static final GreenMail SMTP = startSmtp();
    static final WireMockServer STUBS = startStubs();
    static final RSAKey GOOGLE_KEY = rsaKey("google-test-key");
    /** Another key under the same key id: what a forger without Google's private key could sign with. */
    static final RSAKey FORGED_KEY = rsaKey("google-test-key");

    static {
        STUBS.stubFor(WireMock.get("/oauth2/v3/certs")
                .willReturn(WireMock.okJson(new JWKSet(GOOGLE_KEY.toPublicJWK()).toString())));
    }

    @DynamicPropertySource
    static void outsideWorld(DynamicPropertyRegistry registry) {
        registry.add("parkingspots.identity.mail.smtp-host", () -> "127.0.0.1");
        registry.add(
                "parkingspots.identity.mail.smtp-port", () -> SMTP.getSmtp().getPort());
        registry.add("parkingspots.identity.google.jwks-url", () -> STUBS.baseUrl() + "/oauth2/v3/certs");
        registry.add("parkingspots.identity.facebook.graph-url", () -> STUBS.baseUrl() + "/graph");
    }

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }

    private static WireMockServer startStubs() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- Google ID tokens ---

    /** A Google ID token for a new identity, with the given changes to the usual claims. */
    static String googleToken(String email, Consumer<JWTClaimsSet.Builder> changes) {
        return googleToken(GOOGLE_KEY, "sub-" + UUID.randomUUID(), email, changes);
    }

    static String googleToken(RSAKey key, String subject, String email, Consumer<JWTClaimsSet.Builder> changes) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(GOOGLE_CLIENT_ID)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("email", email)
                .claim("email_verified", true)
                .claim("name", "Google User")
                .claim("picture", "https://lh3.googleusercontent.com/a/test-picture");
        changes.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- emails ---

    /** The first email to this address, waiting up to 10 s for it to arrive. */
    static MimeMessage awaitEmailTo(String address) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<MimeMessage> found = emailsTo(address);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            sleep(50);
        }
        throw new AssertionError("No email to " + address + " arrived within 10 s");
    }

    static List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .toList();
    }

    /** The token in the email's link to {@code path} (e.g. {@code /reset-password}). */
    static String tokenFrom(MimeMessage email, String path) {
        // the decoded text (quoted-printable soft line breaks can fall anywhere in a raw body's link)
        String body = decodedText(email);
        Matcher link = Pattern.compile(
                        Pattern.quote("http://parkingspots.example" + path + "?token=") + "([A-Za-z0-9_-]+)")
                .matcher(body);
        assertThat(link.find()).as("a link to %s in: %s", path, body).isTrue();
        return link.group(1);
    }

    private static String decodedText(MimeMessage email) {
        try {
            Object content = email.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (Exception e) {
            // fall through to the raw body
        }
        return GreenMailUtil.getBody(email).replaceAll("=\r?\n", "").replace("=3D", "=");
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Wraps the application's {@link Mailer} so a test can hold emails back (to show an answer does not wait for the
     * email) or make sending fail (to show the request does not fail with it). Open and working unless a test says so.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class MailGate {

        static volatile CountDownLatch hold = new CountDownLatch(0);
        static volatile boolean failing;

        @Bean
        static BeanPostProcessor mailGatePostProcessor() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof Mailer mailer) {
                        return (Mailer) email -> {
                            try {
                                hold.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            if (failing) {
                                throw new IllegalStateException("SMTP is down (test)");
                            }
                            mailer.send(email);
                        };
                    }
                    return bean;
                }
            };
        }
    }
}
