package com.parkingspots.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.parkingspots.shared.cluster.ClusterEventBus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each user's {@link AccountState}, kept in memory so that authenticating a request needs no database round trip.
 *
 * <p>A change (tokens revoked, deactivated or reactivated, new role) is announced with {@link #changed} after its
 * transaction commits, on the cluster bus (Redis pub/sub when {@code REDIS_URL} is set): every instance drops its entry
 * within milliseconds and reads the row again on the next request. A load racing with a change cannot outlive it: the
 * drop waits for a load of the same key in flight and then removes what it loaded. Self-healing bound: an entry lives
 * at most {@code parkingspots.identity.account-cache-ttl} (30 s by default), so a lost message (Redis down, a network
 * split) keeps a revoked token working on another instance for at most that long; after a Redis outage every entry is
 * dropped at once.
 */
@Component
class AccountStates {

    private static final Logger log = LoggerFactory.getLogger(AccountStates.class);
    static final String TOPIC = "identity-accounts";

    private final Users users;
    private final ClusterEventBus bus;
    private final Cache<UUID, Optional<AccountState>> cache;
    private final List<Consumer<UUID>> listeners = new CopyOnWriteArrayList<>();

    AccountStates(Users users, ClusterEventBus bus, IdentityProperties properties) {
        this.users = users;
        this.bus = bus;
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.accountCacheTtl())
                .build();
        bus.subscribe(TOPIC, this::received);
        bus.onPossibleLoss(cache::invalidateAll);
    }

    /** The user's current state (an unknown user: empty); from memory unless it changed or its entry aged out. */
    Optional<AccountState> get(UUID userId) {
        return cache.get(userId, users::state);
    }

    /**
     * Announces that the user's state changed: once the current transaction commits (at once without one), every
     * instance drops its entry and tells its {@link #onChange} listeners.
     */
    void changed(UUID userId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(userId);
                }
            });
        } else {
            publish(userId);
        }
    }

    /** Runs after an instance dropped a user's entry (the listener must not block). */
    void onChange(Consumer<UUID> listener) {
        listeners.add(listener);
    }

    private void publish(UUID userId) {
        bus.publish(TOPIC, userId.toString());
    }

    private void received(String message) {
        UUID userId;
        try {
            userId = UUID.fromString(message);
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring a malformed account change message");
            return;
        }
        cache.invalidate(userId);
        for (Consumer<UUID> listener : listeners) {
            try {
                listener.accept(userId);
            } catch (RuntimeException e) {
                log.warn("An account change listener failed", e);
            }
        }
    }
}
