package com.parkingspots.notifications.internal;

import com.parkingspots.identity.UserAccounts;
import com.parkingspots.identity.UserContact;
import com.parkingspots.realtime.LiveEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one notice into what the user chose: an inbox row (pushed live to their open WebSockets after commit), an
 * email and a push in the outbox. All in the caller's transaction; {@code key} makes a repeated notice a no-op.
 */
@Service
public class Notifier {

    /**
     * @param key unique per event and recipient, e.g. {@code booking_confirmed:<booking id>}
     * @param path where the notification leads in the web client, e.g. {@code /bookings/<id>}
     */
    public record Notice(
            UUID userId,
            Kind kind,
            String key,
            String title,
            List<String> lines,
            List<EmailTemplates.Fact> facts,
            @Nullable String path,
            @Nullable String actionLabel,
            @Nullable UUID bookingId) {}

    private final Preferences preferences;
    private final Inbox inbox;
    private final Outbox outbox;
    private final EmailTemplates templates;
    private final UnsubscribeTokens unsubscribe;
    private final UserAccounts users;
    private final PushSubscriptions subscriptions;
    private final LiveEvents live;
    private final NotificationProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    Notifier(
            Preferences preferences,
            Inbox inbox,
            Outbox outbox,
            EmailTemplates templates,
            UnsubscribeTokens unsubscribe,
            UserAccounts users,
            PushSubscriptions subscriptions,
            LiveEvents live,
            NotificationProperties properties,
            JsonMapper json,
            Clock clock) {
        this.preferences = preferences;
        this.inbox = inbox;
        this.outbox = outbox;
        this.templates = templates;
        this.unsubscribe = unsubscribe;
        this.users = users;
        this.subscriptions = subscriptions;
        this.live = live;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void notify(Notice notice) {
        UserContact contact = users.contact(notice.userId()).orElse(null);
        if (contact == null || !contact.active()) {
            return;
        }
        Map<Channel, Boolean> chosen = preferences.of(notice.userId(), notice.kind());
        Instant now = clock.instant();
        String url = notice.path() == null ? properties.publicBaseUrl() : properties.publicBaseUrl() + notice.path();
        String body = String.join(" ", notice.lines());
        if (chosen.get(Channel.IN_APP)) {
            inbox.add(
                            notice.key(),
                            notice.userId(),
                            notice.kind(),
                            notice.title(),
                            body,
                            notice.path(),
                            notice.bookingId(),
                            now)
                    .ifPresent(item -> afterCommit(() -> live.toUsers(
                            "notification", live(item, inbox.unread(notice.userId())), Set.of(notice.userId()))));
        }
        if (chosen.get(Channel.EMAIL)) {
            String unsubscribeUrl = properties.publicBaseUrl() + "/api/v1/notifications/unsubscribe?token="
                    + unsubscribe.issue(notice.userId(), notice.kind());
            EmailTemplates.Rendered email = templates.render(new EmailTemplates.Content(
                    contact.fullName(),
                    notice.title(),
                    notice.lines(),
                    notice.facts(),
                    notice.actionLabel() == null ? "Open ParkingSpots" : notice.actionLabel(),
                    url,
                    unsubscribeUrl));
            outbox.addEmail(
                    notice.key() + ":email",
                    notice.userId(),
                    notice.kind(),
                    contact.email(),
                    notice.title(),
                    email.text(),
                    email.html());
        }
        if (chosen.get(Channel.PUSH) && subscriptions.has(notice.userId())) {
            Map<String, Object> push = new LinkedHashMap<>();
            push.put("title", notice.title());
            push.put("body", body);
            push.put("url", notice.path() == null ? "/" : notice.path());
            push.put("kind", notice.kind().value());
            push.put("tag", notice.key());
            outbox.addPush(notice.key() + ":push", notice.userId(), notice.kind(), json.writeValueAsString(push));
        }
    }

    private Map<String, Object> live(Inbox.Item item, long unread) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", item.id());
        data.put("kind", item.kind());
        data.put("title", item.title());
        data.put("body", item.body());
        data.put("link", item.link());
        data.put("booking_id", item.bookingId());
        data.put("created_at", item.createdAt().toString());
        data.put("unread_count", unread);
        return data;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
