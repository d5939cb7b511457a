package com.parkingspots.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every kind of notification, triggered by the real request over HTTP, found as an email in GreenMail (text and HTML
 * checked), as an inbox row and as a decrypted push at the push service stub.
 */
class NotificationKindsTests extends NotificationFlowsTest {

    @Test
    void aConfirmedBookingTellsTheDriverWithThePassLinkAndTheOwnerOfTheNewBooking() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var ownerPhone = subscribePush(owner);
        var driverPhone = subscribePush(driver);
        UUID spot = spot(owner);
        UUID booking = book(driver, spot);

        assertDelivered(
                driver,
                driverPhone,
                "booking_confirmed",
                "is confirmed",
                "$11.50",
                "http://parkingspots.example/bookings/" + booking,
                "Test spot");
        assertDelivered(owner, ownerPhone, "new_booking", "New booking of", "$10.00", "/owner/bookings");
        var row = awaitInbox(driver, "booking_confirmed");
        assertThat(row.get("booking_id").asString()).isEqualTo(booking.toString());
        assertThat(row.get("link").asString()).isEqualTo("/bookings/" + booking);
        assertThat(inbox(driver).get("unread_count").asLong()).isEqualTo(1);
        assertThat(PUSH.problems()).isEmpty();
    }

    @Test
    void aCancellationTellsDriverAndOwnerAndTheRefundCarriesItsAmount() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var ownerPhone = subscribePush(owner);
        var driverPhone = subscribePush(driver);
        UUID booking = book(driver, spot(owner));
        awaitInbox(driver, "booking_confirmed");

        var cancelled = http.post(
                "/api/v1/bookings/" + booking + "/cancel",
                "{\"cancellation_reason\":\"Plans changed\"}",
                driver.auth());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        assertDelivered(driver, driverPhone, "booking_cancelled", "was cancelled", "Plans changed", "by the driver");
        assertDelivered(owner, ownerPhone, "spot_booking_cancelled", "was cancelled", "The time is free again");
        assertDelivered(driver, driverPhone, "refund_issued", "Your refund of $11.50 was issued", "$11.50");
    }

    @Test
    void anExtendedStayTellsTheDriverTheNewEndAndWhatItCostAndTellsTheOwner() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var ownerPhone = subscribePush(owner);
        var driverPhone = subscribePush(driver);
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        UUID booking = book(driver, spot(owner), start, Duration.ofHours(2));
        awaitInbox(driver, "booking_confirmed");

        var extended = http.post(
                "/api/v1/bookings/" + booking + "/extend",
                "{\"end_time\":\"%s\"}".formatted(start.plus(3, ChronoUnit.HOURS)),
                driver.auth());
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);

        assertDelivered(
                driver,
                driverPhone,
                "booking_extended",
                "now ends",
                "is extended until",
                "Extension",
                "http://parkingspots.example/bookings/" + booking);
        assertDelivered(owner, ownerPhone, "booking_extended", "was extended", "extended their stay");
    }

    @Test
    void aCompletedStayAsksForAReviewRecordsThePayoutAndReviewsAndAnswersAreNotified() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var ownerPhone = subscribePush(owner);
        var driverPhone = subscribePush(driver);
        UUID spot = spot(owner);
        UUID booking = book(driver, spot, Instant.now().plus(1, ChronoUnit.MINUTES), Duration.ofMinutes(30));
        assertThat(http.post("/api/v1/bookings/" + booking + "/check-in", null, driver.auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/bookings/" + booking + "/check-out", null, driver.auth())
                        .status())
                .isEqualTo(200);

        assertDelivered(
                driver,
                driverPhone,
                "review_reminder",
                "How was",
                "A short review helps",
                "http://parkingspots.example/bookings/" + booking + "/review");
        assertDelivered(owner, ownerPhone, "payout_recorded", "Payout of $2.50 recorded", "$2.50");

        var reviewed = http.post(
                "/api/v1/reviews",
                "{\"booking_id\":\"%s\",\"overall_rating\":4,\"comment\":\"Easy to find\"}".formatted(booking),
                driver.auth());
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(201);
        assertDelivered(owner, ownerPhone, "new_review", "New 4-star review", "4 out of 5");

        String reviewId = reviewed.json().get("id").asString();
        var answered =
                http.post("/api/v1/reviews/" + reviewId + "/response", "{\"response\":\"Thank you!\"}", owner.auth());
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertDelivered(driver, driverPhone, "owner_response", "answered your review", "/spots/" + spot);
    }

    @Test
    void verificationEmailsGoThroughTheOutboxToo() {
        var user = api.signUp("renter");
        var email = awaitEmail(user.email(), "Confirm your email address");
        assertThat(NotificationFlowsTest.text(email)).contains("http://parkingspots.example/verify-email?token=");
        assertThat(inbox(user).get("total").asLong()).isZero();
    }

    @Test
    void anExpiredPushSubscriptionIsRemoved() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var phone = subscribePush(driver);
        PUSH.markGone(phone);
        book(driver, spot(owner));
        awaitEmail(driver.email(), "is confirmed");
        eventually(
                () -> http.send(
                                "DELETE",
                                "/api/v1/users/me/push-subscriptions?endpoint=" + phone.endpoint(),
                                null,
                                driver.auth())
                        .status(),
                status -> status == 404,
                "the gone subscription removed");
    }

    @Test
    void thePublicKeyIsTheOneThatSignsVapid() {
        var key = http.get("/api/v1/notifications/push/public-key");
        assertThat(key.status()).isEqualTo(200);
        String publicKey = key.json().get("public_key").asString();
        assertThat(java.util.Base64.getUrlDecoder().decode(publicKey)).hasSize(65);
        PUSH.expectedPublicKey = publicKey;
    }

    @Test
    void malformedPushSubscriptionsAreRefused() {
        Api.Session user = api.signUp("renter");
        assertThat(http.post("/api/v1/users/me/push-subscriptions", "{\"endpoint\":\"x\"}", user.auth())
                        .status())
                .isEqualTo(422);
        assertThat(http.post(
                                "/api/v1/users/me/push-subscriptions",
                                "{\"endpoint\":\"ftp://x\",\"keys\":{\"p256dh\":\"AA\",\"auth\":\"AA\"}}",
                                user.auth())
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/users/me/push-subscriptions", "{}", new String[0])
                        .status())
                .isEqualTo(401);
    }
}
