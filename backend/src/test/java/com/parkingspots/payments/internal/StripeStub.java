package com.parkingspots.payments.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local Stripe for tests (WireMock on a free port, loopback only): answers the endpoints payments calls, in Stripe's
 * JSON shapes, and keeps every request so tests can assert on what we sent. Anything not stubbed gets Stripe's 404
 * error shape.
 */
public final class StripeStub implements AutoCloseable {

    private final WireMockServer server;

    public StripeStub() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        reset();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public void reset() {
        server.resetAll();
        server.stubFor(any(anyUrl())
                .atPriority(10)
                .willReturn(error(404, "invalid_request_error", "Unrecognized request URL (stub)")));
        refundsSucceed();
        accountLinksWork();
    }

    /** {@code POST /v1/payment_intents} with this idempotency key creates {@code intentId}. */
    public void intentCreated(String idempotencyKey, String intentId, long amount, String currency) {
        server.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo(idempotencyKey))
                .willReturn(json(200, intentJson(intentId, amount, currency, "requires_payment_method", null))));
    }

    /** {@code POST /v1/payment_intents} fails as Stripe does for a bad request. */
    public void intentCreationRejected(String message) {
        server.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .atPriority(1)
                .willReturn(error(400, "invalid_request_error", message)));
    }

    /** Stripe cannot be reached: the connection is reset. */
    public void intentCreationUnreachable() {
        server.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** {@code GET /v1/payment_intents/{id}} (with the latest charge expanded). */
    public void intent(String intentId, long amount, String currency, String status, String brand, String last4) {
        String charge = """
                {"id": "ch_%s", "object": "charge", "payment_method_details": {"type": "card",
                 "card": {"brand": "%s", "last4": "%s"}}}""".formatted(intentId, brand, last4);
        server.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intentId))
                .willReturn(json(200, intentJson(intentId, amount, currency, status, charge))));
    }

    public void intentCancellable(String intentId) {
        server.stubFor(post(urlEqualTo("/v1/payment_intents/" + intentId + "/cancel"))
                .willReturn(json(200, intentJson(intentId, 0, "usd", "canceled", null))));
    }

    public void refundsSucceed() {
        server.stubFor(post(urlEqualTo("/v1/refunds"))
                .atPriority(5)
                .willReturn(json(200, """
                        {"id": "re_{{randomValue length=16 type='ALPHANUMERIC'}}", "object": "refund",
                         "status": "succeeded"}""").withTransformers("response-template")));
    }

    /** Stripe answers refunds of this payment with {@code pending}: they settle later, by webhook. */
    public void refundsPendingFor(String paymentId, String refundId) {
        server.stubFor(post(urlEqualTo("/v1/refunds"))
                .atPriority(1)
                .withRequestBody(containing(paymentId))
                .willReturn(json(200, """
                        {"id": "%s", "object": "refund", "status": "pending"}""".formatted(refundId))));
    }

    /** Refunds of this payment fail as if Stripe could not be reached, until {@link #remove} is called. */
    public StubMapping refundsUnreachableFor(String paymentId) {
        return server.stubFor(post(urlEqualTo("/v1/refunds"))
                .atPriority(1)
                .withRequestBody(containing(paymentId))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    public void remove(StubMapping stub) {
        server.removeStub(stub);
    }

    public void accountCreated(String idempotencyKey, String accountId) {
        server.stubFor(post(urlEqualTo("/v1/accounts"))
                .withHeader("Idempotency-Key", equalTo(idempotencyKey))
                .willReturn(json(200, """
                        {"id": "%s", "object": "account", "type": "express", "charges_enabled": false,
                         "payouts_enabled": false}""".formatted(accountId))));
    }

    private void accountLinksWork() {
        server.stubFor(post(urlEqualTo("/v1/account_links"))
                .atPriority(5)
                .willReturn(json(200, """
                        {"object": "account_link", "url": "https://connect.stripe.test/setup/e/{{randomValue length=8 type='ALPHANUMERIC'}}",
                         "created": 1772366400, "expires_at": 1772366700}""").withTransformers("response-template")));
    }

    /** Every POST made to {@code path}, oldest first. */
    public List<LoggedRequest> posts(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path)));
    }

    /** A request's form-encoded body (Stripe's wire format: {@code metadata[booking_id]=…}). */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        if (body == null || body.isBlank()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(key, value);
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String intentJson(String id, long amount, String currency, String status, String charge) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "currency": "%s", "status": "%s",
                 "client_secret": "%s_secret_stub", "metadata": {}, "latest_charge": %s}""".formatted(id, amount, currency, status, id, charge == null ? "null" : charge);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_stub")
                .withBody(body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
            int status, String type, String message) {
        return json(status, """
                {"error": {"type": "%s", "message": "%s"}}""".formatted(type, message));
    }
}
