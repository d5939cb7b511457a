package com.parkingspots.payments.internal;

import com.parkingspots.shared.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /payments/webhook}: the signature is checked on the raw body first, then the event acts at most once: its
 * id is claimed in the transaction of its effect. Events may repeat and arrive in any order; every effect is a guarded
 * transition, so a late or repeated one changes nothing. Types we do not handle are acknowledged and ignored.
 */
@Service
public class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final PaymentProperties.Stripe settings;
    private final PaymentsConfiguration.Providers providers;
    private final StripeEventLog eventLog;
    private final Checkout checkout;
    private final Refunds refunds;
    private final RefundRepository refundRows;
    private final ConnectOnboarding connect;
    private final PaymentRepository payments;
    private final PaymentsTransactions tx;
    private final JsonMapper json;
    private final Clock clock;

    StripeWebhooks(
            PaymentProperties properties,
            PaymentsConfiguration.Providers providers,
            StripeEventLog eventLog,
            Checkout checkout,
            Refunds refunds,
            RefundRepository refundRows,
            ConnectOnboarding connect,
            PaymentRepository payments,
            PaymentsTransactions tx,
            JsonMapper json,
            Clock clock) {
        this.settings = properties.stripe();
        this.providers = providers;
        this.eventLog = eventLog;
        this.checkout = checkout;
        this.refunds = refunds;
        this.refundRows = refundRows;
        this.connect = connect;
        this.payments = payments;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    public void handle(byte @Nullable [] payload, @Nullable String signature) {
        String secret = settings.webhookSecret();
        byte[] body = payload == null ? new byte[0] : payload;
        if (secret == null) {
            log.warn("Rejected a Stripe webhook: STRIPE_WEBHOOK_SECRET is not set");
            throw ApiException.badRequest("Invalid signature");
        }
        if (!WebhookSignature.isValid(body, signature, secret, clock.instant(), settings.webhookTolerance())) {
            throw ApiException.badRequest("Invalid signature");
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("Invalid payload");
        }
        String id = text(event, "id");
        String type = text(event, "type");
        JsonNode object = event == null ? null : event.path("data").path("object");
        if (id == null || type == null || object == null || !object.isObject()) {
            throw ApiException.badRequest("Invalid payload");
        }
        Instant created = event.path("created").isNumber()
                ? Instant.ofEpochSecond(event.path("created").asLong())
                : clock.instant();
        switch (type) {
            case "payment_intent.succeeded" -> intentSucceeded(id, type, object);
            case "payment_intent.payment_failed" ->
                once(
                        id,
                        type,
                        () -> checkout.failed(
                                required(object, "id"), text(object.path("last_payment_error"), "message")));
            case "account.updated" ->
                once(
                        id,
                        type,
                        () -> connect.updated(
                                required(object, "id"),
                                object.path("charges_enabled").asBoolean(false),
                                object.path("payouts_enabled").asBoolean(false),
                                object.path("details_submitted").asBoolean(false),
                                created));
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" ->
                once(id, type, () -> refundUpdated(object));
            default -> log.debug("Ignored Stripe event {} of type {}", id, type);
        }
    }

    private void intentSucceeded(String eventId, String type, JsonNode object) {
        PaymentProvider.Intent intent = intent(object);
        // The event carries the charge only as an id: the card's brand and last four come from Stripe, best effort,
        // outside the transaction (and only the first time).
        boolean known = payments.byIntent(intent.id()).map(Payment::captured).orElse(false);
        if (!known && providers.stripe() != null) {
            try {
                PaymentProvider.Intent fetched = providers.stripe().retrieveIntent(intent.id());
                intent = withCard(intent, fetched);
            } catch (PaymentProviderException e) {
                log.info("No card details for {}: {}", intent.id(), e.detail());
            }
        }
        PaymentProvider.Intent succeeded = intent;
        once(eventId, type, () -> checkout.succeeded(succeeded));
    }

    private void refundUpdated(JsonNode refund) {
        String refundId = required(refund, "id");
        String status = text(refund, "status");
        long amount = refund.path("amount").asLong(-1);
        // A refund whose answer we have not stored yet is found by the payment it names and its amount.
        refundRows
                .byProviderId(refundId)
                .or(() -> uuid(text(refund.path("metadata"), "payment_id"))
                        .flatMap(paymentId -> refundRows.unsent(paymentId).stream()
                                .filter(r -> r.amount() == amount)
                                .findFirst()))
                .ifPresentOrElse(
                        row -> refunds.settle(
                                row.id(),
                                switch (status == null ? "pending" : status) {
                                    case "succeeded" -> PaymentRefund.SUCCEEDED;
                                    case "failed", "canceled" -> PaymentRefund.FAILED;
                                    default -> PaymentRefund.PENDING;
                                },
                                refundId,
                                text(refund, "failure_reason")),
                        () -> log.info("Refund {} is not one of ours (yet); ignored", refundId));
    }

    private void once(String eventId, String type, Runnable effect) {
        tx.own.executeWithoutResult(status -> {
            if (!eventLog.claim(eventId, type, clock.instant())) {
                log.debug("Stripe event {} was already processed", eventId);
                return;
            }
            effect.run();
        });
    }

    private static PaymentProvider.Intent intent(JsonNode pi) {
        Map<String, String> metadata = new HashMap<>();
        pi.path("metadata")
                .properties()
                .forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
        JsonNode charge = pi.path("latest_charge");
        return new PaymentProvider.Intent(
                required(pi, "id"),
                text(pi, "client_secret"),
                pi.path("amount").asLong(0),
                String.valueOf(text(pi, "currency")),
                String.valueOf(text(pi, "status")),
                charge.isString() ? charge.asString() : text(charge, "id"),
                null,
                pi.path("application_fee_amount").isNumber()
                        ? pi.path("application_fee_amount").asLong()
                        : null,
                text(pi.path("transfer_data"), "destination"),
                metadata);
    }

    private static PaymentProvider.Intent withCard(PaymentProvider.Intent event, PaymentProvider.Intent fetched) {
        return new PaymentProvider.Intent(
                event.id(),
                event.clientSecret(),
                event.amount(),
                event.currency(),
                event.status(),
                fetched.chargeId() != null ? fetched.chargeId() : event.chargeId(),
                fetched.card(),
                event.applicationFee(),
                event.destination(),
                event.metadata());
    }

    private static java.util.Optional<java.util.UUID> uuid(@Nullable String value) {
        try {
            return java.util.Optional.ofNullable(value).map(java.util.UUID::fromString);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw ApiException.badRequest("Invalid payload");
        }
        return value;
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asString();
    }
}
