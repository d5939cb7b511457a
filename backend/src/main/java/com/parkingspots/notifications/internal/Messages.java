package com.parkingspots.notifications.internal;

import com.parkingspots.bookings.BookingView;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.identity.UserAccounts;
import com.parkingspots.identity.UserProfile;
import com.parkingspots.realtime.LiveEvents;
import com.parkingspots.shared.cluster.WindowCounters;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.shared.web.RequestValidationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conversation of one booking between its driver and the spot's owner. Only they (and admins, read-only) see it;
 * anyone else gets the same 404 as for a booking that does not exist. A message is stored with its notification to the
 * other party in one transaction, then sent live to both parties' open WebSockets. Senders are named by their public
 * name and role only, never by email or phone.
 */
@Service
public class Messages {

    public static final int MAX_LENGTH = 2000;

    public record Message(
            UUID id,
            UUID bookingId,
            UUID senderId,
            String senderName,
            String senderRole,
            String body,
            Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Bookings bookings;
    private final UserAccounts users;
    private final Notices notices;
    private final LiveEvents live;
    private final WindowCounters counters;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Clock clock;

    Messages(
            JdbcClient jdbc,
            Bookings bookings,
            UserAccounts users,
            Notices notices,
            LiveEvents live,
            WindowCounters counters,
            TransactionTemplate transactions,
            NotificationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.users = users;
        this.notices = notices;
        this.live = live;
        this.counters = counters;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    private BookingView visible(Caller caller, UUID bookingId) {
        BookingView booking = bookings.find(bookingId).orElseThrow(Messages::notFound);
        if (!caller.is(booking.userId()) && !caller.is(booking.ownerId()) && !caller.isAdmin()) {
            throw notFound();
        }
        return booking;
    }

    private static ApiException notFound() {
        return ApiException.notFound("Booking not found");
    }

    public List<Message> list(Caller caller, UUID bookingId, int limit, int skip) {
        BookingView booking = visible(caller, bookingId);
        record Row(UUID id, UUID senderId, String body, Instant createdAt) {}
        List<Row> rows = jdbc.sql("""
                SELECT id, sender_id, body, created_at FROM booking_messages WHERE booking_id = ?
                ORDER BY created_at, id LIMIT ? OFFSET ?""")
                .params(bookingId, limit, skip)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("sender_id", UUID.class),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        Map<UUID, UserProfile> profiles = users.profiles(Set.of(booking.userId(), booking.ownerId()));
        return rows.stream()
                .map(row -> new Message(
                        row.id(),
                        bookingId,
                        row.senderId(),
                        name(profiles.get(row.senderId())),
                        role(booking, row.senderId()),
                        row.body(),
                        row.createdAt()))
                .toList();
    }

    public Message send(Caller caller, UUID bookingId, String text) {
        BookingView booking = visible(caller, bookingId);
        if (!caller.is(booking.userId()) && !caller.is(booking.ownerId())) {
            throw ApiException.forbidden("Only the driver and the spot's owner can write in this conversation");
        }
        String body = text.strip();
        if (body.isEmpty() || body.length() > MAX_LENGTH) {
            throw RequestValidationException.of(
                    "value_error", List.of("body", "body"), "Message must be 1 to 2000 characters long");
        }
        long sent = counters.increment("messages:" + caller.id(), Duration.ofMinutes(1));
        if (sent > properties.messagesPerMinute()) {
            long retry = 60 - (clock.instant().getEpochSecond() % 60);
            throw new ApiException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many messages, please slow down",
                    Map.of("Retry-After", String.valueOf(retry)));
        }
        UUID recipient = caller.is(booking.userId()) ? booking.ownerId() : booking.userId();
        Map<UUID, UserProfile> profiles = users.profiles(Set.of(booking.userId(), booking.ownerId()));
        String senderName = name(profiles.get(caller.id()));
        Message message = new Message(
                UUID.randomUUID(),
                bookingId,
                caller.id(),
                senderName,
                role(booking, caller.id()),
                body,
                clock.instant());
        transactions.executeWithoutResult(status -> {
            jdbc.sql(
                            "INSERT INTO booking_messages (id, booking_id, sender_id, body, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(message.id(), bookingId, caller.id(), body, Timestamp.from(message.createdAt()))
                    .update();
            notices.newMessage(bookingId, message.id(), recipient, senderName, body);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    live.toUsers("message", live(message), Set.of(booking.userId(), booking.ownerId()));
                }
            });
        });
        return message;
    }

    static Map<String, Object> live(Message message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", message.id());
        data.put("booking_id", message.bookingId());
        data.put("sender_id", message.senderId());
        data.put("sender_name", message.senderName());
        data.put("sender_role", message.senderRole());
        data.put("body", message.body());
        data.put("created_at", message.createdAt().toString());
        return data;
    }

    private static String name(UserProfile profile) {
        return profile == null ? "A ParkingSpots user" : profile.fullName();
    }

    private static String role(BookingView booking, UUID userId) {
        return userId.equals(booking.userId()) ? "driver" : "owner";
    }
}
