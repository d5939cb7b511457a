-- payments: what drivers paid for bookings, what was refunded, what owners earn, and Stripe bookkeeping.

-- One payment per booking: offline (recorded when an offline booking is made) or a Stripe PaymentIntent.
CREATE TABLE payments (
    id                  uuid PRIMARY KEY,
    booking_id          uuid        NOT NULL REFERENCES bookings (id),
    user_id             uuid        NOT NULL REFERENCES users (id),
    owner_id            uuid        NOT NULL REFERENCES users (id),
    provider            varchar(10) NOT NULL CHECK (provider IN ('offline', 'stripe')),
    amount              integer     NOT NULL CHECK (amount >= 0),
    currency            varchar(3)  NOT NULL,
    -- the owner's share of amount (booking owner_payout) and the platform's (service fee + host commission)
    owner_payout        integer     NOT NULL CHECK (owner_payout >= 0),
    application_fee     integer     NOT NULL CHECK (application_fee >= 0),
    status              varchar(20) NOT NULL
        CHECK (status IN ('pending', 'processing', 'succeeded', 'failed', 'refunded', 'partially_refunded')),
    payment_intent_id   varchar(255) UNIQUE,
    -- the owner's Connect account the charge transfers to (destination charge); null: the platform keeps it all
    destination_account varchar(255),
    charge_id           varchar(255),
    payment_method      varchar(50),
    card_brand          varchar(30),
    last_four           varchar(4),
    failure_message     text,
    -- sum of succeeded refunds; pending ones are reserved in payment_refunds
    refunded_amount     integer     NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
    paid_at             timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT payments_one_per_booking UNIQUE (booking_id)
);
CREATE INDEX payments_user ON payments (user_id, created_at DESC);

-- Refunds of a payment, numbered 1, 2, ... (the number is part of the Stripe idempotency key). A pending refund
-- already counts against what remains, so concurrent refunds can never add up to more than was paid.
CREATE TABLE payment_refunds (
    id                 uuid PRIMARY KEY,
    payment_id         uuid        NOT NULL REFERENCES payments (id),
    sequence           integer     NOT NULL CHECK (sequence > 0),
    kind               varchar(20) NOT NULL CHECK (kind IN ('policy', 'admin')),
    amount             integer     NOT NULL CHECK (amount > 0),
    status             varchar(20) NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    reason             text,
    requested_by       uuid,
    provider_refund_id varchar(255) UNIQUE,
    failure_message    text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    UNIQUE (payment_id, sequence)
);
-- The cancellation policy refunds a payment once, whoever asks first (the cancellation event or the driver).
CREATE UNIQUE INDEX payment_refunds_one_policy ON payment_refunds (payment_id) WHERE kind = 'policy' AND status <> 'failed';

-- The owners' earnings ledger: one row per completed booking that was paid.
CREATE TABLE payouts (
    id           uuid PRIMARY KEY,
    owner_id     uuid        NOT NULL REFERENCES users (id),
    booking_id   uuid        REFERENCES bookings (id) UNIQUE,
    payment_id   uuid        REFERENCES payments (id),
    amount       integer     NOT NULL CHECK (amount >= 0),
    currency     varchar(3)  NOT NULL,
    status       varchar(20) NOT NULL CHECK (status IN ('pending', 'processing', 'paid', 'failed')),
    processed_at timestamptz,
    created_at   timestamptz NOT NULL
);
CREATE INDEX payouts_owner ON payouts (owner_id, created_at DESC);

-- Owners' Stripe Connect (Express) accounts and what Stripe last said about them (account.updated).
CREATE TABLE connect_accounts (
    user_id           uuid PRIMARY KEY REFERENCES users (id),
    account_id        varchar(255) NOT NULL UNIQUE,
    charges_enabled   boolean      NOT NULL DEFAULT false,
    payouts_enabled   boolean      NOT NULL DEFAULT false,
    details_submitted boolean      NOT NULL DEFAULT false,
    -- the Stripe event time of the last update applied, so an older account.updated never overwrites a newer one
    state_at          timestamptz,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);

-- Webhook events already processed: inserted in the transaction of the event's effect, so each event acts once.
CREATE TABLE stripe_events (
    id          varchar(255) PRIMARY KEY,
    type        varchar(100) NOT NULL,
    received_at timestamptz  NOT NULL
);
