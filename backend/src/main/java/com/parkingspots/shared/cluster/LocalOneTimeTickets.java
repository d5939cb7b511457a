package com.parkingspots.shared.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@link OneTimeTickets} of this instance alone. Only a hash of each ticket is kept; removal is atomic, so two racing
 * redemptions of one ticket cannot both succeed. At most 100,000 outstanding tickets, none older than 10 minutes.
 */
public class LocalOneTimeTickets implements OneTimeTickets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Duration LONGEST = Duration.ofMinutes(10);

    private record Entry(String value, Instant expiresAt) {}

    private final Clock clock;
    private final Cache<String, Entry> tickets =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(LONGEST).build();

    public LocalOneTimeTickets(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String issue(String kind, String value, Duration lifetime) {
        String ticket = newTicket();
        tickets.put(key(kind, ticket), new Entry(value, clock.instant().plus(min(lifetime))));
        return ticket;
    }

    @Override
    public Optional<String> redeem(String kind, String ticket) {
        Entry entry = tickets.asMap().remove(key(kind, ticket));
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** 32 random bytes, URL-safe base64 (43 characters). */
    public static String newTicket() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** What a ticket is filed under: its kind and the SHA-256 of the ticket, never the ticket itself. */
    public static String key(String kind, String ticket) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static Duration min(Duration lifetime) {
        return lifetime.compareTo(LONGEST) > 0 ? LONGEST : lifetime;
    }
}
