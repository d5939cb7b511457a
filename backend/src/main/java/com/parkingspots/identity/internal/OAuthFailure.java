package com.parkingspots.identity.internal;

import com.parkingspots.shared.web.ApiException;
import org.springframework.http.HttpStatus;

/** Why a provider's token was not accepted, as the contract words it. */
final class OAuthFailure {

    private OAuthFailure() {}

    static ApiException notConfigured(String provider) {
        return ApiException.badRequest(provider + " sign-in is not configured");
    }

    static ApiException invalidToken(String provider, String reason) {
        return ApiException.unauthorized("Invalid " + provider + " token: " + reason);
    }

    /** The provider could not be asked (network, its outage): not the user's fault, and not ours either. */
    static ApiException unavailable(String provider) {
        return new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE, provider + " sign-in is temporarily unavailable, try again later");
    }
}
