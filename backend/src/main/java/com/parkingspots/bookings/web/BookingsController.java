package com.parkingspots.bookings.web;

import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.internal.Actor;
import com.parkingspots.bookings.internal.Booking;
import com.parkingspots.bookings.internal.BookingExtensions;
import com.parkingspots.bookings.internal.BookingManagement;
import com.parkingspots.bookings.internal.BookingProperties;
import com.parkingspots.bookings.internal.Extension;
import com.parkingspots.bookings.internal.NewBooking;
import com.parkingspots.identity.UserAccounts;
import com.parkingspots.identity.UserProfile;
import com.parkingspots.identity.Vehicle;
import com.parkingspots.identity.Vehicles;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.shared.web.NotFoundDetail;
import com.parkingspots.shared.web.RequestValidationException;
import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotSnapshot;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** CONTRACT.md 3.5 and 3.9: price, book, read, and move a booking through its states. */
@RestController
@RequestMapping("/api/v1/bookings")
class BookingsController {

    record PriceRequest(
            @NotNull UUID parkingSpotId,
            @NotNull Instant startTime,
            @NotNull Instant endTime) {}

    record PriceResponse(
            long subtotal, long serviceFee, long total, long ownerPayout, double durationHours, String currency) {}

    record CreateRequest(
            @NotNull UUID parkingSpotId,
            @NotNull Instant startTime,
            @NotNull Instant endTime,
            @Size(max = 20) @Nullable String vehiclePlate,
            @Size(max = 50) @Nullable String vehicleMake,
            @Size(max = 50) @Nullable String vehicleModel,
            @Size(max = 30) @Nullable String vehicleColor,
            @Size(max = 2000) @Nullable String specialRequests,
            @Nullable UUID vehicleId) {}

    record ExtendRequest(@NotNull Instant endTime) {}

    /** What an extension adds to the booking; {@code status} {@code pending} waits for its payment (Stripe). */
    record ExtensionResponse(
            UUID id,
            String status,
            Instant previousEndTime,
            Instant newEndTime,
            int subtotal,
            int serviceFee,
            int totalAmount,
            String currency,
            String paymentStatus,
            @Nullable Instant holdExpiresAt,
            Instant createdAt) {

        static ExtensionResponse of(Extension e) {
            return new ExtensionResponse(
                    e.id(),
                    e.status(),
                    e.previousEndTime(),
                    e.newEndTime(),
                    e.subtotal(),
                    e.serviceFee(),
                    e.totalAmount(),
                    e.currency(),
                    e.paymentStatus(),
                    e.holdExpiresAt(),
                    e.createdAt());
        }
    }

    record ExtendResponse(BookingResponse booking, ExtensionResponse extension) {}

    record StatusRequest(
            @NotNull String status,
            @Size(max = 2000) @Nullable String cancellationReason) {}

    record CancelRequest(@Size(max = 2000) @Nullable String cancellationReason) {}

    private final BookingManagement bookings;
    private final BookingExtensions extensions;
    private final SpotCatalog spots;
    private final Vehicles vehicles;
    private final UserAccounts users;
    private final BookingProperties properties;
    private final JsonMapper json;

    BookingsController(
            BookingManagement bookings,
            BookingExtensions extensions,
            SpotCatalog spots,
            Vehicles vehicles,
            UserAccounts users,
            BookingProperties properties,
            JsonMapper json) {
        this.bookings = bookings;
        this.extensions = extensions;
        this.spots = spots;
        this.vehicles = vehicles;
        this.users = users;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping("/calculate-price")
    PriceResponse calculatePrice(@Valid @RequestBody PriceRequest request) {
        var priced = bookings.quote(request.parkingSpotId(), request.startTime(), request.endTime());
        var q = priced.quote();
        return new PriceResponse(
                q.subtotal(), q.serviceFee(), q.total(), q.ownerPayout(), q.durationHours(), priced.currency());
    }

    @PostMapping
    ResponseEntity<String> create(
            Caller caller,
            @Valid @RequestBody CreateRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw RequestValidationException.of(
                    "string_length",
                    List.of("header", "Idempotency-Key"),
                    "Idempotency-Key must be 1 to 255 characters");
        }
        // a saved vehicle fills the vehicle fields the request leaves out
        Vehicle saved = request.vehicleId() == null
                ? null
                : vehicles.find(caller.id(), request.vehicleId())
                        .orElseThrow(() -> ApiException.notFound("Vehicle not found"));
        NewBooking booking = new NewBooking(
                request.parkingSpotId(),
                request.startTime(),
                request.endTime(),
                either(trim(request.vehiclePlate()), saved == null ? null : saved.plate()),
                either(trim(request.vehicleMake()), saved == null ? null : saved.make()),
                either(trim(request.vehicleModel()), saved == null ? null : saved.model()),
                either(trim(request.vehicleColor()), saved == null ? null : saved.color()),
                trim(request.specialRequests()));
        var created = bookings.create(
                Actor.of(caller), booking, idempotencyKey, json.writeValueAsString(request), b -> renderNew(b));
        String body = created.replayedBody() != null ? created.replayedBody() : renderNew(created.booking());
        return ResponseEntity.status(HttpStatus.CREATED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    @GetMapping
    List<BookingResponse> mine(
            Caller caller, @RequestParam(name = "status_filter", required = false) @Nullable String statusFilter) {
        return respond(bookings.mine(caller.id(), status(statusFilter, "query", "status_filter")));
    }

    @GetMapping("/owner")
    List<BookingResponse> onMySpots(
            Caller caller, @RequestParam(name = "status_filter", required = false) @Nullable String statusFilter) {
        List<Booking> list = bookings.onMySpots(caller.id(), status(statusFilter, "query", "status_filter"));
        Map<UUID, UserProfile> drivers =
                users.profiles(list.stream().map(Booking::userId).collect(Collectors.toSet()));
        return respond(list, drivers);
    }

    @GetMapping("/{bookingId}")
    BookingResponse get(Caller caller, @PathVariable @NotFoundDetail("Booking not found") UUID bookingId) {
        return respond(bookings.get(Actor.of(caller), bookingId));
    }

    @PutMapping("/{bookingId}/status")
    BookingResponse changeStatus(
            Caller caller,
            @PathVariable @NotFoundDetail("Booking not found") UUID bookingId,
            @Valid @RequestBody StatusRequest request) {
        BookingStatus target = status(request.status(), "body", "status");
        return respond(bookings.changeStatus(Actor.of(caller), bookingId, target, request.cancellationReason()));
    }

    /** The web client's Cancel button (CONTRACT.md 3.9). The body is optional. */
    @PostMapping("/{bookingId}/cancel")
    BookingResponse cancel(
            Caller caller,
            @PathVariable @NotFoundDetail("Booking not found") UUID bookingId,
            @Valid @RequestBody(required = false) @Nullable CancelRequest request) {
        return respond(
                bookings.cancel(Actor.of(caller), bookingId, request == null ? null : request.cancellationReason()));
    }

    /**
     * Extends the stay to {@code end_time} (ADR 0011): the whole stay is priced again and the difference charged;
     * offline at once, with Stripe once the extension's own payment succeeds.
     */
    @PostMapping("/{bookingId}/extend")
    ExtendResponse extend(
            Caller caller,
            @PathVariable @NotFoundDetail("Booking not found") UUID bookingId,
            @Valid @RequestBody ExtendRequest request) {
        var outcome = extensions.extend(Actor.of(caller), bookingId, request.endTime());
        return new ExtendResponse(respond(outcome.booking()), ExtensionResponse.of(outcome.extension()));
    }

    @PostMapping("/{bookingId}/check-in")
    BookingResponse checkIn(Caller caller, @PathVariable @NotFoundDetail("Booking not found") UUID bookingId) {
        return respond(bookings.checkIn(Actor.of(caller), bookingId));
    }

    @PostMapping("/{bookingId}/check-out")
    BookingResponse checkOut(Caller caller, @PathVariable @NotFoundDetail("Booking not found") UUID bookingId) {
        return respond(bookings.checkOut(Actor.of(caller), bookingId));
    }

    /** A booking just made: it has no extension yet, so none is looked up (no query after its transaction). */
    private String renderNew(Booking booking) {
        return json.writeValueAsString(BookingResponse.of(
                booking, spots.find(booking.spotId()).orElse(null), properties.checkInOpensBefore(), null));
    }

    private BookingResponse respond(Booking booking) {
        return BookingResponse.of(
                booking,
                spots.find(booking.spotId()).orElse(null),
                properties.checkInOpensBefore(),
                extensions.pendingOf(List.of(booking.id())).get(booking.id()));
    }

    private List<BookingResponse> respond(List<Booking> list) {
        return respond(list, Map.of());
    }

    private List<BookingResponse> respond(List<Booking> list, Map<UUID, UserProfile> drivers) {
        Map<UUID, SpotSnapshot> byId =
                spots.findAll(list.stream().map(Booking::spotId).collect(Collectors.toSet()));
        Map<UUID, Extension> pending = extensions.pendingOf(list.stream()
                .filter(b -> b.status().holdsSlot())
                .map(Booking::id)
                .toList());
        return list.stream()
                .map(b -> {
                    UserProfile driver = drivers.get(b.userId());
                    return BookingResponse.of(
                            b,
                            byId.get(b.spotId()),
                            properties.checkInOpensBefore(),
                            pending.get(b.id()),
                            driver == null ? null : driver.fullName());
                })
                .toList();
    }

    private static @Nullable String either(@Nullable String explicit, @Nullable String saved) {
        return explicit != null ? explicit : saved;
    }

    private static @Nullable BookingStatus status(@Nullable String value, String where, String name) {
        if (value == null || value.isBlank()) {
            if (where.equals("body")) {
                throw RequestValidationException.of("missing", List.of(where, name), "Field required");
            }
            return null;
        }
        try {
            return BookingStatus.fromValue(value.strip());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(BookingStatus.values())
                    .map(s -> "'" + s.value() + "'")
                    .collect(Collectors.joining(", "));
            throw RequestValidationException.of("enum", List.of(where, name), "Input should be " + allowed);
        }
    }

    private static @Nullable String trim(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
