package com.parkingspots.payments.internal;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe Connect through stripe-java's {@link StripeClient} (never the static {@code Stripe.apiKey}): destination
 * charges, refunds with {@code reverse_transfer}, Express accounts and onboarding links. Every POST carries our
 * idempotency key.
 */
class StripePaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

    private final StripeClient stripe;
    private final PaymentProperties.Stripe settings;

    StripePaymentProvider(PaymentProperties.Stripe settings) {
        this.settings = settings;
        int timeoutMillis = Math.toIntExact(settings.timeout().toMillis());
        this.stripe = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase())
                .setConnectBase(settings.apiBase())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout(timeoutMillis)
                .setReadTimeout(timeoutMillis)
                .build();
    }

    @Override
    public String name() {
        return STRIPE;
    }

    @Override
    public Intent createIntent(IntentRequest request) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount())
                .setCurrency(request.currency())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .putMetadata("booking_id", request.bookingId().toString())
                .putMetadata("user_id", request.userId().toString());
        if (request.extensionId() != null) {
            params.putMetadata("extension_id", request.extensionId().toString());
        }
        if (request.destination() != null) {
            params.setApplicationFeeAmount(request.applicationFee())
                    .setTransferData(PaymentIntentCreateParams.TransferData.builder()
                            .setDestination(request.destination())
                            .build());
        }
        return call(() ->
                intent(stripe.v1().paymentIntents().create(params.build(), idempotent(request.idempotencyKey()))));
    }

    @Override
    public Intent retrieveIntent(String intentId) {
        var params =
                PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build();
        return call(() -> intent(stripe.v1().paymentIntents().retrieve(intentId, params)));
    }

    @Override
    public boolean cancelIntent(String intentId, String idempotencyKey) {
        try {
            stripe.v1()
                    .paymentIntents()
                    .cancel(intentId, PaymentIntentCancelParams.builder().build(), idempotent(idempotencyKey));
            return true;
        } catch (InvalidRequestException e) {
            log.info("PaymentIntent {} could not be cancelled: {}", intentId, message(e));
            return false;
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        var params = RefundCreateParams.builder()
                .setAmount(request.amount())
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("booking_id", request.bookingId().toString())
                .putMetadata("payment_id", request.paymentId().toString());
        if (request.paymentIntentId() != null) {
            params.setPaymentIntent(request.paymentIntentId());
        }
        if (request.reverseTransfer()) {
            params.setReverseTransfer(true);
        }
        return call(() -> {
            Refund refund = stripe.v1().refunds().create(params.build(), idempotent(request.idempotencyKey()));
            String status = refund.getStatus() == null ? "pending" : refund.getStatus();
            return new RefundResult(
                    refund.getId(),
                    switch (status) {
                        case "succeeded" -> "succeeded";
                        case "failed", "canceled" -> "failed";
                        default -> "pending";
                    },
                    refund.getFailureReason());
        });
    }

    @Override
    public String createConnectAccount(UUID userId, String country, String businessType, String idempotencyKey) {
        var params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry(country)
                .putExtraParam("business_type", businessType)
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                .setRequested(true)
                                .build())
                        .setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder()
                                .setRequested(true)
                                .build())
                        .build())
                .putMetadata("user_id", userId.toString())
                .build();
        return call(() -> stripe.v1()
                .accounts()
                .create(params, idempotent(idempotencyKey))
                .getId());
    }

    @Override
    public String onboardingUrl(String accountId, String idempotencyKey) {
        var params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setRefreshUrl(settings.connectRefreshUrl())
                .setReturnUrl(settings.connectReturnUrl())
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .build();
        return call(() -> stripe.v1()
                .accountLinks()
                .create(params, idempotent(idempotencyKey))
                .getUrl());
    }

    private static Intent intent(PaymentIntent pi) {
        Charge charge = pi.getLatestChargeObject();
        CardDetails card = null;
        if (charge != null && charge.getPaymentMethodDetails() != null) {
            var details = charge.getPaymentMethodDetails();
            var cardDetails = details.getCard();
            card = new CardDetails(
                    details.getType(),
                    cardDetails == null ? null : cardDetails.getBrand(),
                    cardDetails == null ? null : cardDetails.getLast4());
        }
        return new Intent(
                pi.getId(),
                pi.getClientSecret(),
                pi.getAmount() == null ? 0 : pi.getAmount(),
                pi.getCurrency(),
                pi.getStatus(),
                pi.getLatestCharge(),
                card,
                pi.getApplicationFeeAmount(),
                pi.getTransferData() == null ? null : pi.getTransferData().getDestination(),
                pi.getMetadata() == null ? Map.of() : pi.getMetadata());
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    private static PaymentProviderException translate(StripeException e) {
        if (e instanceof ApiConnectionException) {
            log.warn("Stripe is unreachable: {}", e.getMessage());
            return PaymentProviderException.unavailable("Payment provider is unreachable, please try again later");
        }
        Integer status = e.getStatusCode();
        if (status != null && (status >= 500 || status == 429)) {
            log.warn("Stripe failed ({}): {}", status, e.getMessage());
            return PaymentProviderException.failed("Payment provider failed, please try again later");
        }
        log.info("Stripe rejected a request ({}): {}", status, e.getMessage());
        return PaymentProviderException.rejected(message(e));
    }

    private static String message(StripeException e) {
        @Nullable
        String message = e.getStripeError() == null ? null : e.getStripeError().getMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return message == null ? "Payment provider error" : message;
    }
}
