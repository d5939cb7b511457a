package com.parkingspots.payments.internal;

import com.parkingspots.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Owners' Stripe Express accounts: created once per owner, stored, and kept current by {@code account.updated}. */
@Service
public class ConnectOnboarding {

    /** {@code ConnectAccount} of CONTRACT.md 2.11. */
    public record Link(String accountId, String onboardingUrl) {}

    private final ConnectAccountRepository accounts;
    private final PaymentsConfiguration.Providers providers;
    private final Clock clock;

    ConnectOnboarding(ConnectAccountRepository accounts, PaymentsConfiguration.Providers providers, Clock clock) {
        this.accounts = accounts;
        this.providers = providers;
        this.clock = clock;
    }

    /** {@code POST /payments/connect/create-account}: the caller's account (created the first time) and a fresh link. */
    public Link createAccount(Caller caller, String country, String businessType) {
        PaymentProvider stripe = providers.active();
        ConnectAccount account = accounts.byUser(caller.id()).orElseGet(() -> {
            String id = stripe.createConnectAccount(
                    caller.id(), country, businessType, StripeIdempotencyKeys.connectAccount(caller.id()));
            return accounts.insertOrGet(caller.id(), id, clock.instant());
        });
        String url = stripe.onboardingUrl(
                account.accountId(), StripeIdempotencyKeys.accountLink(account.accountId(), UUID.randomUUID()));
        return new Link(account.accountId(), url);
    }

    public Optional<ConnectAccount> status(UUID userId) {
        return accounts.byUser(userId);
    }

    /** {@code account.updated} (call inside the webhook's transaction). */
    void updated(String accountId, boolean charges, boolean payouts, boolean detailsSubmitted, Instant at) {
        accounts.updateState(accountId, charges, payouts, detailsSubmitted, at, clock.instant());
    }
}
