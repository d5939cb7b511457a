package com.parkingspots.shared.cluster;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived, single-use random tickets that stand for a value kept on the server, redeemable on any instance: in
 * Redis ({@code SET … PX}, {@code GETDEL}) when {@code REDIS_URL} is set, in-process otherwise (and, while Redis is
 * down, on the issuing instance only). The WebSocket ticket is one: it stands for the access token that asked for it,
 * so the token itself never appears in a URL.
 */
public interface OneTimeTickets {

    /** A new ticket (256 random bits, URL-safe) for {@code value}, redeemable once within {@code lifetime}. */
    String issue(String kind, String value, Duration lifetime);

    /** The value of a ticket of this kind that was issued, has not expired and was not redeemed before; it is gone now. */
    Optional<String> redeem(String kind, String ticket);
}
