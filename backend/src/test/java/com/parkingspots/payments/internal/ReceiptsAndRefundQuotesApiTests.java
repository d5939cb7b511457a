package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** ADR 0011, offline payments: receipts list every payment and refund; a refund quote is what a cancel refunds. */
class ReceiptsAndRefundQuotesApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    PaymentsApiSupport support;

    @BeforeEach
    void support() {
        support = new PaymentsApiSupport(http, api, jdbc);
    }

    private String bookAndExtend(Api.Session driver, UUID spot, Instant start) {
        String id = support.book(driver, spot, start, start.plus(Duration.ofHours(2)))
                .get("id")
                .asString();
        var extended = http.post(
                "/api/v1/bookings/" + id + "/extend",
                "{\"end_time\":\"%s\"}".formatted(start.plus(Duration.ofHours(4))),
                driver.auth());
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        PaymentsApiSupport.await(
                () -> count("SELECT count(*) FROM payments WHERE booking_id = ?", id) == 2, "payments");
        return id;
    }

    private long count(String sql, String bookingId) {
        return jdbc.sql(sql).param(UUID.fromString(bookingId)).query(Long.class).single();
    }

    private JsonNode quote(Api.Session who, String id) {
        var response = http.get("/api/v1/bookings/" + id + "/refund-quote", who.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long refundedSoFar(String id) {
        return count(
                "SELECT COALESCE(SUM(r.amount), 0) FROM payment_refunds r JOIN payments p ON p.id = r.payment_id"
                        + " WHERE p.booking_id = ? AND r.status = 'succeeded'",
                id);
    }

    @Test
    void aLateCancellationRefundsWhatTheQuoteSaidOnEveryPaymentAndTheReceiptAddsUp() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500, \"currency\": \"eur\"");
        // starts in 30 minutes: the partial tier (50 %) of the default policy
        Instant start = PaymentsApiSupport.inMinutes(30);
        String id = bookAndExtend(driver, spot, start);

        var quote = quote(driver, id);
        assertThat(quote.get("cancellable").asBoolean()).isTrue();
        assertThat(quote.get("tier").asString()).isEqualTo("partial");
        // 2 h: 1000 + 150 = 1150; extension to 4 h: 1100; 50 % of each, half up
        assertThat(quote.get("paid_amount").asLong()).isEqualTo(2250);
        assertThat(quote.get("refund_amount").asLong()).isEqualTo(575 + 550);
        assertThat(quote.get("currency").asString()).isEqualTo("eur");
        assertThat(quote.get("policy").asString()).contains("1 hour before").contains("50%");
        assertThat(quote.get("full_refund_until").asString())
                .isEqualTo(start.minus(60, ChronoUnit.MINUTES).toString());
        // the owner's cancellation would give back everything
        assertThat(quote(owner, id).get("refund_amount").asLong()).isEqualTo(2250);

        assertThat(http.post("/api/v1/bookings/" + id + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);
        support.awaitStatus(driver, id, "refunded");
        PaymentsApiSupport.await(
                () -> refundedSoFar(id) == quote.get("refund_amount").asLong(), "the refunds of both payments");
        var after = quote(driver, id);
        assertThat(after.get("cancellable").asBoolean()).isFalse();
        assertThat(after.get("refund_amount").asLong()).isZero();
        assertThat(after.get("already_refunded").asLong()).isEqualTo(1125);

        var receipt = http.get("/api/v1/bookings/" + id + "/receipt", driver.auth());
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
        var r = receipt.json();
        assertThat(r.get("receipt_number").asString()).matches("PS-\\d{4}-\\d{6}");
        assertThat(r.get("platform").get("name").asString()).isEqualTo("ParkingSpots");
        assertThat(r.get("owner").get("name").asString()).isEqualTo("Test owner");
        assertThat(r.get("payments").size()).isEqualTo(2);
        assertThat(r.get("payments").get(0).get("kind").asString()).isEqualTo("booking");
        assertThat(r.get("payments").get(0).get("amount").asLong()).isEqualTo(1150);
        assertThat(r.get("payments").get(1).get("kind").asString()).isEqualTo("extension");
        assertThat(r.get("payments").get(1).get("period_start").asString())
                .isEqualTo(start.plus(Duration.ofHours(2)).toString());
        long sumPayments = count("SELECT SUM(amount) FROM payments WHERE booking_id = ?", id);
        assertThat(r.get("totals").get("paid").asLong()).isEqualTo(sumPayments);
        assertThat(r.get("totals").get("refunded").asLong()).isEqualTo(refundedSoFar(id));
        assertThat(r.get("totals").get("net").asLong()).isEqualTo(sumPayments - refundedSoFar(id));
        assertThat(r.get("totals").get("subtotal").asLong()
                        + r.get("totals").get("service_fee").asLong())
                .isEqualTo(sumPayments);
        assertThat(r.get("refunds").size()).isEqualTo(2);
        for (JsonNode p : r.get("payments")) {
            long items = 0;
            for (JsonNode item : p.get("line_items")) {
                items += item.get("amount").asLong();
            }
            assertThat(items).isEqualTo(p.get("amount").asLong());
        }
        // the receipt keeps its number
        assertThat(http.get("/api/v1/bookings/" + id + "/receipt", driver.auth())
                        .json()
                        .get("receipt_number")
                        .asString())
                .isEqualTo(r.get("receipt_number").asString());
    }

    @Test
    void anEarlyCancellationIsQuotedAndRefundedInFull() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 300");
        String id = bookAndExtend(driver, spot, PaymentsApiSupport.inMinutes(50 * 60));
        var quote = quote(driver, id);
        assertThat(quote.get("tier").asString()).isEqualTo("full");
        assertThat(quote.get("refund_amount").asLong())
                .isEqualTo(quote.get("paid_amount").asLong());
        assertThat(http.post("/api/v1/bookings/" + id + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);
        PaymentsApiSupport.await(
                () -> refundedSoFar(id) == quote.get("refund_amount").asLong(), "a full refund of both payments");
    }

    @Test
    void theReceiptIsAPrintablePageForBrowsersAndOnlyForTheBookerOrAnAdmin() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var stranger = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"title\": \"<b>Garage</b> & co\"");
        String id = bookAndExtend(driver, spot, PaymentsApiSupport.inMinutes(70 * 60));

        var html = http.get(
                "/api/v1/bookings/" + id + "/receipt",
                driver.auth()[0],
                driver.auth()[1],
                "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body())
                .contains("ParkingSpots receipt")
                .contains("PS-")
                .contains("Extension of the stay")
                .contains("&lt;b&gt;Garage&lt;/b&gt; &amp; co")
                .doesNotContain("<b>Garage")
                .doesNotContain("<script")
                .doesNotContain("style=");
        var json = http.get("/api/v1/bookings/" + id + "/receipt", driver.auth()[0], driver.auth()[1], "Accept", "*/*");
        assertThat(json.header("Content-Type")).startsWith("application/json");

        for (var who : new Api.Session[] {owner, stranger}) {
            var denied = http.get("/api/v1/bookings/" + id + "/receipt", who.auth());
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().get("detail").asString()).isEqualTo("Not authorized to view this receipt");
        }
        var quoteByStranger = http.get("/api/v1/bookings/" + id + "/refund-quote", stranger.auth());
        assertThat(quoteByStranger.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/bookings/" + UUID.randomUUID() + "/receipt", driver.auth())
                        .status())
                .isEqualTo(404);
        var admin = support.admin();
        assertThat(http.get("/api/v1/bookings/" + id + "/receipt", admin.auth()).status())
                .isEqualTo(200);
    }

    @Test
    void theClientConfigCarriesTheCancellationPolicy() {
        var policy = http.get("/api/v1/config").json().get("cancellation_policy");
        assertThat(policy.get("full_refund_before_minutes").asInt()).isEqualTo(60);
        assertThat(policy.get("partial_refund_percent").asInt()).isEqualTo(50);
        assertThat(policy.get("text").asString()).startsWith("Free cancellation up to 1 hour before the start");
    }
}
