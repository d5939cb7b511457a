package com.parkingspots.shared.security;

/**
 * Turns a bearer token into a {@link Caller}. Implemented by the identity module; the shared web layer calls it for
 * every request that carries {@code Authorization: Bearer …}.
 */
public interface BearerAuthenticator {

    Result authenticate(String token);

    sealed interface Result {}

    record Authenticated(Caller caller) implements Result {}

    /** A token that is malformed, forged, expired, of the wrong type, or names no user. */
    record Invalid() implements Result {}

    /** A valid token of a deactivated account. */
    record Inactive() implements Result {}
}
