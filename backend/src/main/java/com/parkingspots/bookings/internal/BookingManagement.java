package com.parkingspots.bookings.internal;

import com.parkingspots.bookings.BookingCancelled;
import com.parkingspots.bookings.BookingCompleted;
import com.parkingspots.bookings.BookingConfirmed;
import com.parkingspots.bookings.BookingCreated;
import com.parkingspots.bookings.BookingRefunded;
import com.parkingspots.bookings.BookingStarted;
import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.PaymentMode;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotOccupancy;
import com.parkingspots.spots.SpotSnapshot;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Booking use cases. Every change is one transaction: row lock, guarded transition, side effects, event. */
@Service
public class BookingManagement {

    private static final Logger log = LoggerFactory.getLogger(BookingManagement.class);
    private static final String EXCLUSION_VIOLATION = "23P01";

    /** Result of a create: the booking, or the first response replayed for a repeated {@code Idempotency-Key}. */
    public record Created(
            @Nullable Booking booking, @Nullable String replayedBody) {}

    public record PriceQuote(Pricing.Quote quote, String currency) {}

    private final BookingRepository bookings;
    private final IdempotencyKeys idempotencyKeys;
    private final SpotCatalog spots;
    private final SpotOccupancy occupancy;
    private final LifecycleTasks.Schedule schedule;
    private final BookingProperties properties;
    private final ObjectProvider<PaymentMode> paymentMode;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingManagement(
            BookingRepository bookings,
            IdempotencyKeys idempotencyKeys,
            SpotCatalog spots,
            SpotOccupancy occupancy,
            LifecycleTasks.Schedule schedule,
            BookingProperties properties,
            ObjectProvider<PaymentMode> paymentMode,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.bookings = bookings;
        this.idempotencyKeys = idempotencyKeys;
        this.spots = spots;
        this.occupancy = occupancy;
        this.schedule = schedule;
        this.properties = properties;
        this.paymentMode = paymentMode;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** {@code POST /bookings/calculate-price}: the exact amounts a booking would be charged (no availability checks). */
    public PriceQuote quote(UUID spotId, Instant start, Instant end) {
        SpotSnapshot spot = spots.find(spotId).orElseThrow(() -> ApiException.notFound("Parking spot not found"));
        if (!end.isAfter(start)) {
            throw ApiException.badRequest("End time must be after start time");
        }
        // the same bounds as a booking: a quote for a stay nobody can book is no answer, and pricing a century of
        // days and months would keep a thread busy for hours
        requireWithinHorizon(start, clock.instant());
        requireDuration(start, end);
        return new PriceQuote(price(spot, start, end), spot.currency());
    }

    /**
     * Books a spot, checking in the contract's order: the spot exists, is active and available, end after start, not
     * in the past, duration within limits, allowed by the spot's hours and rules, and free (the exclusion constraint
     * decides races: 409).
     */
    public Created create(
            Actor actor,
            NewBooking request,
            @Nullable String idempotencyKey,
            String requestFingerprint,
            Function<Booking, String> render) {
        UUID userId = actor.userId();
        if (userId == null) {
            throw new IllegalArgumentException("bookings are made by users");
        }
        try {
            return transactions.execute(status -> {
                Instant now = clock.instant();
                if (idempotencyKey != null) {
                    switch (idempotencyKeys.claim(userId, idempotencyKey, requestFingerprint, now)) {
                        case IdempotencyKeys.Replay(String body) -> {
                            return new Created(null, body);
                        }
                        case IdempotencyKeys.Mismatch() ->
                            throw new ApiException(
                                    HttpStatus.UNPROCESSABLE_CONTENT,
                                    "Idempotency-Key has already been used for a different request");
                        case IdempotencyKeys.Claimed() -> {}
                    }
                }
                Booking booking = book(userId, request, now);
                if (idempotencyKey != null) {
                    idempotencyKeys.complete(userId, idempotencyKey, render.apply(booking));
                }
                return new Created(booking, null);
            });
        } catch (DataAccessException e) {
            if (isExclusionViolation(e)) {
                throw ApiException.conflict("Time slot is already booked");
            }
            throw e;
        }
    }

    private Booking book(UUID userId, NewBooking request, Instant now) {
        SpotSnapshot spot =
                spots.find(request.spotId()).orElseThrow(() -> ApiException.notFound("Parking spot not found"));
        if (!spot.active() || !spot.available()) {
            throw ApiException.badRequest("Parking spot is not available");
        }
        Instant start = request.startTime();
        Instant end = request.endTime();
        if (!end.isAfter(start)) {
            throw ApiException.badRequest("End time must be after start time");
        }
        if (start.isBefore(now.minus(properties.pastStartGrace()))) {
            throw ApiException.badRequest("Cannot book in the past");
        }
        requireWithinHorizon(start, now);
        Duration length = Duration.between(start, end);
        if (length.compareTo(properties.minDuration()) < 0) {
            throw ApiException.badRequest("Booking must last at least " + human(properties.minDuration()));
        }
        requireDuration(start, end);
        spots.unavailabilityReason(spot.id(), start, end).ifPresent(reason -> {
            throw ApiException.badRequest(reason);
        });
        Pricing.Quote quote = price(spot, start, end);
        boolean online =
                paymentMode.getIfAvailable(() -> () -> PaymentMode.Kind.OFFLINE).kind() == PaymentMode.Kind.ONLINE;
        Instant holdExpires = online ? now.plus(properties.paymentHold()) : null;
        Booking booking = new Booking(
                UUID.randomUUID(),
                userId,
                spot.id(),
                spot.ownerId(),
                start,
                end,
                online ? BookingStatus.PENDING : BookingStatus.CONFIRMED,
                spot.currency(),
                Math.toIntExact(quote.subtotal()),
                Math.toIntExact(quote.serviceFee()),
                Math.toIntExact(quote.total()),
                Math.toIntExact(quote.ownerPayout()),
                null,
                online ? "pending" : "completed",
                request.vehiclePlate(),
                request.vehicleMake(),
                request.vehicleModel(),
                request.vehicleColor(),
                request.specialRequests(),
                null,
                null,
                null,
                holdExpires,
                null,
                null,
                now,
                now);
        // The whole booking in this one transaction (ADR 0014): the row with its first transition (one statement, the
        // exclusion constraint decides), the spot's hold, the lifecycle tasks and the event's publications. Its
        // payment, real-time messages and counters follow the commit.
        bookings.insertNew(booking, new Actor(userId, false));
        occupancy.occupy(spot.id(), booking.id(), start, end);
        schedule.newBooking(booking.id(), start, end, holdExpires);
        events.publishEvent(new BookingCreated(
                booking.id(),
                spot.id(),
                userId,
                spot.ownerId(),
                booking.status(),
                booking.totalAmount(),
                booking.currency(),
                booking.ownerPayout(),
                start,
                end));
        return booking;
    }

    public Booking get(Actor actor, UUID bookingId) {
        Booking booking = bookings.find(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
        if (!booking.isVisibleTo(actor)) {
            throw ApiException.forbidden("Not authorized to view this booking");
        }
        return booking;
    }

    public List<Booking> mine(UUID userId, @Nullable BookingStatus status) {
        return bookings.byUser(userId, status);
    }

    public List<Booking> onMySpots(UUID ownerId, @Nullable BookingStatus status) {
        return bookings.byOwner(ownerId, status);
    }

    /** {@code PUT /bookings/{id}/status}: the requested status names the transition. */
    public Booking changeStatus(Actor actor, UUID bookingId, BookingStatus target, @Nullable String reason) {
        return switch (target) {
            case CANCELLED -> cancel(actor, bookingId, reason);
            case CONFIRMED -> confirm(actor, bookingId);
            case IN_PROGRESS -> checkIn(actor, bookingId);
            case COMPLETED -> checkOut(actor, bookingId);
            case PENDING ->
                transition(actor, bookingId, b -> {
                    throw BookingRuleViolation.badTransition("A booking cannot go back to pending");
                });
            case REFUNDED ->
                transition(actor, bookingId, b -> {
                    throw BookingRuleViolation.badTransition("Refunds are made through POST /api/v1/payments/refund");
                });
        };
    }

    public Booking cancel(Actor actor, UUID bookingId, @Nullable String reason) {
        return transition(actor, bookingId, b -> b.cancel(actor, reason, clock.instant()));
    }

    public Booking confirm(Actor actor, UUID bookingId) {
        return transition(actor, bookingId, b -> b.confirm(actor, clock.instant()));
    }

    public Booking checkIn(Actor actor, UUID bookingId) {
        return transition(actor, bookingId, b -> b.checkIn(actor, clock.instant(), properties.checkInOpensBefore()));
    }

    public Booking checkOut(Actor actor, UUID bookingId) {
        return transition(actor, bookingId, b -> b.checkOut(actor, clock.instant()));
    }

    /** Lifecycle job at {@code start_time}. A booking no longer confirmed (cancelled, checked in) is left alone. */
    void autoStart(UUID bookingId) {
        systemTransition(
                bookingId,
                b -> b.status() == BookingStatus.CONFIRMED && !b.startTime().isAfter(clock.instant()),
                b -> b.autoStart(clock.instant()),
                b -> b.startTime());
    }

    /** Lifecycle job at {@code end_time}. */
    void autoComplete(UUID bookingId) {
        systemTransition(
                bookingId,
                b -> (b.status() == BookingStatus.IN_PROGRESS || b.status() == BookingStatus.CONFIRMED)
                        && !b.endTime().isAfter(clock.instant()),
                b -> b.autoComplete(clock.instant()),
                b -> b.endTime());
    }

    /** Lifecycle job at the end of an unpaid hold: the slot is freed. */
    void expireHold(UUID bookingId) {
        systemTransition(
                bookingId,
                b -> b.status() == BookingStatus.PENDING
                        && b.holdExpiresAt() != null
                        && !b.holdExpiresAt().isAfter(clock.instant()),
                b -> b.cancel(Actor.SYSTEM, "Payment was not completed in time", clock.instant()),
                b -> b.holdExpiresAt() == null ? b.createdAt() : b.holdExpiresAt());
    }

    /** Payment succeeded (webhook or confirm call, whichever first): false when it was already confirmed. */
    boolean confirmPaid(UUID bookingId) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Booking before = bookings.lock(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
            if (before.status() != BookingStatus.PENDING) {
                return false;
            }
            apply(before, before.confirmPaid(clock.instant()), Actor.SYSTEM);
            return true;
        }));
    }

    void markRefunded(UUID bookingId) {
        transactions.executeWithoutResult(status -> {
            Booking before = bookings.lock(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
            if (before.status() != BookingStatus.REFUNDED) {
                apply(before, before.refund(clock.instant()), Actor.SYSTEM);
            }
        });
    }

    void attachPaymentIntent(UUID bookingId, String intentId) {
        transactions.executeWithoutResult(status -> {
            Booking before = bookings.lock(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
            bookings.save(before, before.withPaymentIntent(intentId, clock.instant()), Actor.SYSTEM);
        });
    }

    Optional<Booking> find(UUID bookingId) {
        return bookings.find(bookingId);
    }

    Optional<Booking> findByPaymentIntent(String intentId) {
        return bookings.findByPaymentIntent(intentId);
    }

    private Booking transition(Actor actor, UUID bookingId, UnaryOperator<Booking> change) {
        return transactions.execute(status -> {
            Booking before = bookings.lock(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
            if (!before.isVisibleTo(actor)) {
                throw ApiException.forbidden("Not authorized");
            }
            Booking after = change.apply(before);
            apply(before, after, actor);
            return after;
        });
    }

    private void systemTransition(
            UUID bookingId,
            java.util.function.Predicate<Booking> due,
            UnaryOperator<Booking> change,
            Function<Booking, Instant> dueAt) {
        Booking current = bookings.find(bookingId).orElse(null);
        if (current == null) {
            return;
        }
        // The scheduler's clock may run a hair ahead of ours: wait out a small difference instead of skipping.
        Duration early = Duration.between(clock.instant(), dueAt.apply(current));
        if (early.isPositive() && early.compareTo(Duration.ofSeconds(30)) < 0) {
            try {
                Thread.sleep(early.plusMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        transactions.executeWithoutResult(status -> {
            Booking before = bookings.lock(bookingId).orElse(null);
            if (before == null || !due.test(before)) {
                log.debug("Lifecycle task for booking {} found nothing to do", bookingId);
                return;
            }
            apply(before, change.apply(before), Actor.SYSTEM);
        });
    }

    /** Persists a transition and its consequences: occupancy, lifecycle tasks, the event. */
    private void apply(Booking before, Booking after, Actor actor) {
        bookings.save(before, after, actor);
        if (before.status() == after.status()) {
            return;
        }
        UUID id = after.id();
        switch (after.status()) {
            case CONFIRMED -> {
                schedule.cancel(LifecycleTasks.EXPIRE_HOLD, id);
                events.publishEvent(
                        new BookingConfirmed(id, after.spotId(), after.userId(), after.ownerId(), after.status()));
            }
            case IN_PROGRESS ->
                events.publishEvent(
                        new BookingStarted(id, after.spotId(), after.userId(), after.ownerId(), after.status()));
            case COMPLETED -> {
                occupancy.release(id);
                occupancy.recordCompletedStay(after.spotId());
                schedule.cancel(LifecycleTasks.COMPLETE, id);
                events.publishEvent(new BookingCompleted(
                        id,
                        after.spotId(),
                        after.userId(),
                        after.ownerId(),
                        after.status(),
                        after.ownerPayout(),
                        after.currency()));
            }
            case CANCELLED -> {
                occupancy.release(id);
                schedule.cancel(LifecycleTasks.START, id);
                schedule.cancel(LifecycleTasks.COMPLETE, id);
                schedule.cancel(LifecycleTasks.EXPIRE_HOLD, id);
                events.publishEvent(new BookingCancelled(
                        id,
                        after.spotId(),
                        after.userId(),
                        after.ownerId(),
                        after.status(),
                        after.cancelledBy(),
                        after.cancellationReason(),
                        after.startTime(),
                        after.cancelledAt() == null ? after.updatedAt() : after.cancelledAt()));
            }
            case REFUNDED ->
                events.publishEvent(
                        new BookingRefunded(id, after.spotId(), after.userId(), after.ownerId(), after.status()));
            case PENDING -> {}
        }
    }

    private void requireWithinHorizon(Instant start, Instant now) {
        if (start.isAfter(now.plus(properties.maxAdvance()))) {
            throw ApiException.badRequest("Bookings can start at most " + human(properties.maxAdvance()) + " ahead");
        }
    }

    private void requireDuration(Instant start, Instant end) {
        if (Duration.between(start, end).compareTo(properties.maxDuration()) > 0) {
            throw ApiException.badRequest("Booking cannot last longer than " + human(properties.maxDuration()));
        }
    }

    private Pricing.Quote price(SpotSnapshot spot, Instant start, Instant end) {
        Pricing.Rates rates = new Pricing.Rates(spot.hourlyRate(), spot.dailyRate(), spot.monthlyRate());
        Pricing.Quote quote = Pricing.quote(rates, Duration.between(start, end), properties.feePolicy());
        if (quote.total() > Integer.MAX_VALUE) {
            throw ApiException.badRequest("Booking total is too large");
        }
        return quote;
    }

    private static boolean isExclusionViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String human(Duration duration) {
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + " day" + (duration.toDays() == 1 ? "" : "s");
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() + " hour" + (duration.toHours() == 1 ? "" : "s");
        }
        if (duration.toMinutes() > 0 && duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            return duration.toMinutes() + " minute" + (duration.toMinutes() == 1 ? "" : "s");
        }
        return duration.toSeconds() + " seconds";
    }
}
