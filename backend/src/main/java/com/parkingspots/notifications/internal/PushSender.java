package com.parkingspots.notifications.internal;

/** Sends one encrypted Web Push message to one subscription and answers the push service's HTTP status. */
public interface PushSender {

    int send(PushSubscriptions.Subscription subscription, String payload);

    /** The VAPID public key (base64url) browsers subscribe with. */
    String publicKey();
}
