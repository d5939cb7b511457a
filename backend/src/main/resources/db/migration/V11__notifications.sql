-- notifications: the transactional outbox (emails and pushes waiting for delivery), the in-app inbox, preferences,
-- reminders, push subscriptions and the messages of a booking's conversation (ADR 0012).

CREATE TABLE notification_outbox (
    id              uuid PRIMARY KEY,
    -- one row per (notification, channel): a listener delivered twice writes nothing the second time
    dedupe_key      text NOT NULL UNIQUE,
    user_id         uuid,
    kind            text NOT NULL,
    channel         text NOT NULL CHECK (channel IN ('email', 'push')),
    recipient       text,
    subject         text,
    text_body       text,
    html_body       text,
    payload         text,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    -- the request that caused it (X-Request-Id), so the delivery's log lines carry it too
    request_id      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status = 'pending';

CREATE TABLE notifications (
    id          uuid PRIMARY KEY,
    dedupe_key  text NOT NULL UNIQUE,
    user_id     uuid NOT NULL,
    kind        text NOT NULL,
    title       text NOT NULL,
    body        text NOT NULL,
    link        text,
    booking_id  uuid,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE notification_preferences (
    user_id  uuid NOT NULL,
    kind     text NOT NULL,
    channel  text NOT NULL CHECK (channel IN ('email', 'push', 'in_app')),
    enabled  boolean NOT NULL,
    PRIMARY KEY (user_id, kind, channel)
);

-- reminders of a booking: created after the booking commits, moved by an extension, dropped by a cancellation
CREATE TABLE notification_reminders (
    booking_id  uuid NOT NULL,
    kind        text NOT NULL,
    due_at      timestamptz NOT NULL,
    fired_at    timestamptz,
    PRIMARY KEY (booking_id, kind)
);
CREATE INDEX notification_reminders_due ON notification_reminders (due_at) WHERE fired_at IS NULL;

CREATE TABLE push_subscriptions (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL,
    endpoint    text NOT NULL UNIQUE,
    p256dh      text NOT NULL,
    auth        text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX push_subscriptions_by_user ON push_subscriptions (user_id);

CREATE TABLE booking_messages (
    id          uuid PRIMARY KEY,
    booking_id  uuid NOT NULL,
    sender_id   uuid NOT NULL,
    body        text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
    created_at  timestamptz NOT NULL
);
CREATE INDEX booking_messages_by_booking ON booking_messages (booking_id, created_at, id);
