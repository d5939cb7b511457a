package com.parkingspots.shared.security;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns a bearer token into a {@link Caller}. Implemented by the identity module; the shared web layer calls it for
 * every request that carries {@code Authorization: Bearer …}, so it answers from memory (no database round trip).
 */
public interface BearerAuthenticator {

    Result authenticate(String token);

    /**
     * Runs {@code listener} with a user's id, on every instance, after what that user's tokens grant changed: tokens
     * revoked (password change, logout everywhere), account deactivated or reactivated, role changed. The listener
     * runs on the thread that delivered the change and must not block; {@link #authenticate} already answers with the
     * new state when it runs.
     */
    default void onAccountChange(Consumer<UUID> listener) {}

    sealed interface Result {}

    record Authenticated(Caller caller) implements Result {}

    /** A token that is malformed, forged, expired, of the wrong type, or names no user. */
    record Invalid() implements Result {}

    /** A valid token of a deactivated account. */
    record Inactive() implements Result {}

    /**
     * A token issued before its user's tokens were revoked (password change, logout everywhere, deletion, deactivation
     * followed by reactivation). Answered like {@link Invalid} over HTTP.
     */
    record Revoked() implements Result {}
}
