package com.parkingspots.payments.internal;

import com.parkingspots.shared.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A provider call failed. {@code 400} with the provider's message when it answered with an error (nothing happened);
 * {@code 502}/{@code 503} when it could not be reached or failed itself, in which case the outcome is unknown and the
 * operation is retried later with the same idempotency key.
 */
public class PaymentProviderException extends ApiException {

    private final boolean outcomeUnknown;

    public PaymentProviderException(HttpStatus status, String detail, boolean outcomeUnknown) {
        super(status, detail);
        this.outcomeUnknown = outcomeUnknown;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    static PaymentProviderException rejected(String message) {
        return new PaymentProviderException(HttpStatus.BAD_REQUEST, message, false);
    }

    static PaymentProviderException unavailable(String detail) {
        return new PaymentProviderException(HttpStatus.SERVICE_UNAVAILABLE, detail, true);
    }

    static PaymentProviderException failed(String detail) {
        return new PaymentProviderException(HttpStatus.BAD_GATEWAY, detail, true);
    }
}
