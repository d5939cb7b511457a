package com.parkingspots.notifications.web;

import com.parkingspots.notifications.internal.Inbox;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The in-app inbox: newest first, paged with {@code skip}/{@code limit}, with the unread count. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationsController {

    record Item(
            UUID id,
            String kind,
            String title,
            String body,
            @Nullable String link,
            @Nullable UUID bookingId,
            Instant createdAt,
            @Nullable Instant readAt,
            boolean isRead) {

        static Item of(Inbox.Item item) {
            return new Item(
                    item.id(),
                    item.kind(),
                    item.title(),
                    item.body(),
                    item.link(),
                    item.bookingId(),
                    item.createdAt(),
                    item.readAt(),
                    item.readAt() != null);
        }
    }

    record Page(List<Item> items, long total, long unreadCount, int skip, int limit) {}

    private final Inbox inbox;
    private final Clock clock;

    NotificationsController(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping({"", "/"})
    Page list(Caller caller, @RequestParam(defaultValue = "0") int skip, @RequestParam(defaultValue = "20") int limit) {
        if (skip < 0 || limit < 1 || limit > 100) {
            throw ApiException.badRequest("skip must be 0 or more and limit between 1 and 100");
        }
        List<Item> items =
                inbox.page(caller.id(), limit, skip).stream().map(Item::of).toList();
        return new Page(items, inbox.total(caller.id()), inbox.unread(caller.id()), skip, limit);
    }

    @PostMapping("/{id}/read")
    Map<String, Object> read(Caller caller, @PathVariable UUID id) {
        if (!inbox.markRead(caller.id(), id, clock.instant())) {
            throw ApiException.notFound("Notification not found");
        }
        return Map.of("unread_count", inbox.unread(caller.id()));
    }

    @PostMapping("/read-all")
    Map<String, Object> readAll(Caller caller) {
        int marked = inbox.markAllRead(caller.id(), clock.instant());
        return Map.of("marked", marked, "unread_count", 0);
    }
}
