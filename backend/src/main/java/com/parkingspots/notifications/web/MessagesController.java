package com.parkingspots.notifications.web;

import com.parkingspots.notifications.internal.Messages;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The conversation of a booking: oldest first. Text is returned as sent and never rendered as HTML by the client. */
@RestController
class MessagesController {

    record MessageRequest(@NotNull String body) {}

    record MessageResponse(
            UUID id,
            UUID bookingId,
            UUID senderId,
            String senderName,
            String senderRole,
            String body,
            Instant createdAt) {

        static MessageResponse of(Messages.Message m) {
            return new MessageResponse(
                    m.id(), m.bookingId(), m.senderId(), m.senderName(), m.senderRole(), m.body(), m.createdAt());
        }
    }

    private final Messages messages;

    MessagesController(Messages messages) {
        this.messages = messages;
    }

    @GetMapping({"/api/v1/bookings/{bookingId}/messages", "/api/v1/bookings/{bookingId}/messages/"})
    List<MessageResponse> list(
            Caller caller,
            @PathVariable UUID bookingId,
            @RequestParam(defaultValue = "0") int skip,
            @RequestParam(defaultValue = "100") int limit) {
        if (skip < 0 || limit < 1 || limit > 500) {
            throw ApiException.badRequest("skip must be 0 or more and limit between 1 and 500");
        }
        return messages.list(caller, bookingId, limit, skip).stream()
                .map(MessageResponse::of)
                .toList();
    }

    @PostMapping({"/api/v1/bookings/{bookingId}/messages", "/api/v1/bookings/{bookingId}/messages/"})
    @ResponseStatus(HttpStatus.CREATED)
    MessageResponse send(Caller caller, @PathVariable UUID bookingId, @Valid @RequestBody MessageRequest request) {
        return MessageResponse.of(messages.send(caller, bookingId, request.body()));
    }
}
