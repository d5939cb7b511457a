package com.parkingspots.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application with a real SMTP server in the JVM (GreenMail), a Web Push service stub that checks VAPID and
 * decrypts what it gets, a short retry schedule and a switch that takes SMTP "down". One context for every subclass.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "parkingspots.identity.mail.smtp-starttls=false",
            "parkingspots.identity.mail.from=ParkingSpots Test <no-reply@parkingspots.example>",
            "parkingspots.identity.public-base-url=http://parkingspots.example",
            "parkingspots.notifications.public-base-url=http://parkingspots.example",
            "parkingspots.notifications.poll-interval=100ms",
            "parkingspots.notifications.retry-base=100ms",
            "parkingspots.notifications.retry-max=400ms",
            "parkingspots.notifications.max-attempts=50",
            "parkingspots.notifications.messages-per-minute=5",
            "parkingspots.identity.admin-email=" + NotificationFlowsTest.ADMIN_EMAIL,
            "parkingspots.identity.admin-password=" + NotificationFlowsTest.ADMIN_PASSWORD,
        })
@Import(NotificationFlowsTest.SmtpSwitch.class)
abstract class NotificationFlowsTest extends ApiTest {

    static final String ADMIN_EMAIL = "notify-admin@example.com";
    static final String ADMIN_PASSWORD = "admin-password-123";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final GreenMail SMTP = startSmtp();
    static final PushServiceStub PUSH = new PushServiceStub();

    @DynamicPropertySource
    static void outsideWorld(DynamicPropertyRegistry registry) {
        registry.add("parkingspots.identity.mail.smtp-host", () -> "127.0.0.1");
        registry.add(
                "parkingspots.identity.mail.smtp-port", () -> SMTP.getSmtp().getPort());
    }

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }

    /** Makes the mail transport fail as if the SMTP server were unreachable, while {@link #down} is set. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SmtpSwitch {

        static volatile boolean down;

        @Bean
        static BeanPostProcessor smtpSwitchPostProcessor() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof MailTransport transport) {
                        return (MailTransport) mail -> {
                            if (down) {
                                throw new org.springframework.mail.MailSendException("SMTP is down (test)");
                            }
                            transport.send(mail);
                        };
                    }
                    return bean;
                }
            };
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void knowTheVapidKey() {
        if (PUSH.expectedPublicKey == null) {
            PUSH.expectedPublicKey = http.get("/api/v1/notifications/push/public-key")
                    .json()
                    .get("public_key")
                    .asString();
        }
    }

    // --- arranging ---

    UUID spot(Api.Session owner) {
        return api.createSpot(owner, "\"hourly_rate\": 500");
    }

    /** Books (offline provider: confirmed at once) and returns the booking's id. */
    UUID book(Api.Session driver, UUID spot, Instant start, Duration length) {
        var booked = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(
                                spot,
                                start.truncatedTo(ChronoUnit.SECONDS),
                                start.plus(length).truncatedTo(ChronoUnit.SECONDS)),
                driver.auth());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return UUID.fromString(booked.json().get("id").asString());
    }

    UUID book(Api.Session driver, UUID spot) {
        return book(driver, spot, Instant.now().plus(3, ChronoUnit.HOURS), Duration.ofHours(2));
    }

    PushServiceStub.Browser subscribePush(Api.Session user) {
        PushServiceStub.Browser browser = PUSH.newBrowser();
        var subscribed = http.post(
                "/api/v1/users/me/push-subscriptions",
                "{\"endpoint\":\"%s\",\"keys\":{\"p256dh\":\"%s\",\"auth\":\"%s\"}}"
                        .formatted(browser.endpoint(), browser.p256dh(), browser.authSecret()),
                user.auth());
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        return browser;
    }

    // --- asserting ---

    static <T> T eventually(Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 20 s: " + what + " (last: " + value + ")");
            }
            sleep(50);
            value = probe.get();
        }
        return value;
    }

    static List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static List<MimeMessage> emailsTo(String address, String subjectPart) {
        return emailsTo(address).stream()
                .filter(m -> subject(m).contains(subjectPart))
                .toList();
    }

    static MimeMessage awaitEmail(String address, String subjectPart) {
        return eventually(
                        () -> emailsTo(address, subjectPart),
                        l -> !l.isEmpty(),
                        "email to " + address + " \"" + subjectPart + "\"")
                .getFirst();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain and text/html parts of a multipart/alternative email. */
    static List<String> parts(MimeMessage message, String type) {
        List<String> found = new ArrayList<>();
        try {
            collect(message.getContent(), message.getContentType(), type, found);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static void collect(Object content, String contentType, String type, List<String> found) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), type, found);
            }
        } else if (content instanceof String text && contentType.toLowerCase().startsWith(type)) {
            found.add(text);
        }
    }

    static String text(MimeMessage message) {
        return parts(message, "text/plain").getFirst();
    }

    static String html(MimeMessage message) {
        return parts(message, "text/html").getFirst();
    }

    JsonNode inbox(Api.Session user) {
        Http.Response response = http.get("/api/v1/notifications?limit=100", user.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    List<JsonNode> inboxOf(Api.Session user, String kind) {
        List<JsonNode> items = new ArrayList<>();
        inbox(user).get("items").forEach(item -> {
            if (item.get("kind").asString().equals(kind)) {
                items.add(item);
            }
        });
        return items;
    }

    JsonNode awaitInbox(Api.Session user, String kind) {
        return eventually(() -> inboxOf(user, kind), l -> !l.isEmpty(), kind + " in the inbox of " + user.email())
                .getFirst();
    }

    static JsonNode awaitPush(PushServiceStub.Browser browser, String kind) {
        String payload = eventually(
                        () -> PUSH.received(browser).stream()
                                .filter(p ->
                                        JSON.readTree(p).get("kind").asString().equals(kind))
                                .toList(),
                        l -> !l.isEmpty(),
                        "push " + kind + " (problems: "
                                + PUSH.problems().stream().distinct().toList() + ")")
                .getFirst();
        return JSON.readTree(payload);
    }

    /** The email, the inbox row and the push of one notification, each checked. */
    void assertDelivered(
            Api.Session user, PushServiceStub.Browser browser, String kind, String subjectPart, String... textParts) {
        MimeMessage email = awaitEmail(user.email(), subjectPart);
        String text = text(email);
        String html = html(email);
        for (String part : textParts) {
            assertThat(text).contains(part);
            assertThat(html).contains(org.springframework.web.util.HtmlUtils.htmlEscape(part));
        }
        assertThat(text).contains("http://parkingspots.example/api/v1/notifications/unsubscribe?token=");
        assertThat(html).contains("/api/v1/notifications/unsubscribe?token=");
        JsonNode row = awaitInbox(user, kind);
        assertThat(row.get("title").asString()).isEqualTo(subject(email));
        assertThat(row.get("is_read").asBoolean()).isFalse();
        JsonNode push = awaitPush(browser, kind);
        assertThat(push.get("title").asString()).isEqualTo(subject(email));
        assertThat(push.get("url").asString()).isEqualTo(row.get("link").asString());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
