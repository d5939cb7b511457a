package com.parkingspots.bookings.internal;

import com.parkingspots.bookings.BookingCancelled;
import com.parkingspots.bookings.BookingCompleted;
import com.parkingspots.bookings.BookingExtended;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extending a stay (ADR 0011). The whole stay is priced again with the booking rules (Decisions 11 and 12) and the
 * difference is charged. Offline the extension takes effect at once and its payment is recorded as paid (payments hears
 * {@link BookingExtended}); with Stripe the extra time is held (the exclusion constraint covers it, as it covers a new
 * booking) until the extension's own payment succeeds, and freed if it is not paid within the payment hold. Extensions
 * of one booking run one at a time (its row is locked), after any booking of the same spot being made (the spot's
 * booking lock), so an extension and another driver's booking of the same time cannot both succeed.
 */
@Service
public class BookingExtensions {

    private static final Logger log = LoggerFactory.getLogger(BookingExtensions.class);
    private static final String EXCLUSION_VIOLATION = "23P01";

    /** The booking after an extension was asked for, and the extension (pending with Stripe, confirmed otherwise). */
    public record Outcome(Booking booking, Extension extension) {}

    private final BookingRepository bookings;
    private final ExtensionRepository extensions;
    private final SpotCatalog spots;
    private final SpotOccupancy occupancy;
    private final LifecycleTasks.Schedule schedule;
    private final BookingProperties properties;
    private final ObjectProvider<PaymentMode> paymentMode;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingExtensions(
            BookingRepository bookings,
            ExtensionRepository extensions,
            SpotCatalog spots,
            SpotOccupancy occupancy,
            LifecycleTasks.Schedule schedule,
            BookingProperties properties,
            ObjectProvider<PaymentMode> paymentMode,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.bookings = bookings;
        this.extensions = extensions;
        this.spots = spots;
        this.occupancy = occupancy;
        this.schedule = schedule;
        this.properties = properties;
        this.paymentMode = paymentMode;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** {@code POST /bookings/{id}/extend}: by the driver who booked, while the booking is confirmed or in progress. */
    public Outcome extend(Actor actor, UUID bookingId, Instant newEnd) {
        Booking found = bookings.find(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
        if (!found.isVisibleTo(actor)) {
            throw ApiException.forbidden("Not authorized to view this booking");
        }
        if (!actor.is(found.userId())) {
            throw ApiException.forbidden("Only the driver who booked can extend the stay");
        }
        try {
            return transactions.execute(status -> {
                bookings.lockSpotForBooking(found.spotId());
                Booking booking = bookings.lock(bookingId).orElseThrow();
                Instant now = clock.instant();
                if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.IN_PROGRESS) {
                    throw BookingRuleViolation.badTransition(
                            "Only confirmed or in-progress bookings can be extended (this booking is "
                                    + booking.status() + ")");
                }
                if (!now.isBefore(booking.endTime())) {
                    throw ApiException.badRequest("Booking has already ended");
                }
                if (extensions.pendingOf(bookingId).isPresent()) {
                    throw ApiException.conflict("An extension of this booking is waiting for payment");
                }
                if (!newEnd.isAfter(booking.endTime())) {
                    throw ApiException.badRequest("The new end must be after the current end");
                }
                if (Duration.between(booking.startTime(), newEnd).compareTo(properties.maxDuration()) > 0) {
                    throw ApiException.badRequest("Booking cannot last longer than " + human(properties.maxDuration()));
                }
                SpotSnapshot spot = spots.find(booking.spotId())
                        .filter(s -> s.active() && s.available())
                        .orElseThrow(() -> ApiException.badRequest("Parking spot is not available"));
                spots.unavailabilityReason(spot.id(), booking.endTime(), newEnd).ifPresent(reason -> {
                    throw ApiException.badRequest(reason);
                });
                Extension extension = priced(booking, spot, newEnd, now);
                extensions.insert(extension);
                occupancy.occupy(spot.id(), booking.id(), booking.startTime(), newEnd);
                if (extension.pending()) {
                    extensions.hold(booking.id(), newEnd, now);
                    schedule.at(LifecycleTasks.EXPIRE_EXTENSION, extension.id(), extension.holdExpiresAt());
                } else {
                    takeEffect(booking, extension, now);
                }
                return new Outcome(bookings.find(bookingId).orElseThrow(), extension);
            });
        } catch (DataAccessException e) {
            if (isExclusionViolation(e)) {
                throw ApiException.conflict("Time slot is already booked");
            }
            throw e;
        }
    }

    /** The extension's payment succeeded (webhook or confirm call): it takes effect, once. */
    boolean confirmPaid(UUID extensionId) {
        Extension found = extensions.find(extensionId).orElse(null);
        if (found == null) {
            return false;
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Booking booking = bookings.lock(found.bookingId()).orElseThrow();
            Extension extension = extensions.lock(extensionId).orElseThrow();
            if (!extension.pending()) {
                return false;
            }
            Instant now = clock.instant();
            if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.IN_PROGRESS) {
                extensions.settle(extension.id(), Extension.CANCELLED, "paid", now);
                extensions.hold(booking.id(), null, now);
                return false;
            }
            schedule.cancel(LifecycleTasks.EXPIRE_EXTENSION, extension.id());
            takeEffect(booking, extension, now);
            extensions.settle(extension.id(), Extension.CONFIRMED, "paid", now);
            return true;
        }));
    }

    /** Lifecycle job at the end of an unpaid extension's hold: the extra time is freed. */
    void expire(UUID extensionId) {
        Extension found = extensions.find(extensionId).orElse(null);
        if (found == null || !found.pending() || found.holdExpiresAt() == null) {
            return;
        }
        Duration early = Duration.between(clock.instant(), found.holdExpiresAt());
        if (early.isPositive() && early.compareTo(Duration.ofSeconds(30)) < 0) {
            try {
                Thread.sleep(early.plusMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        transactions.executeWithoutResult(status -> {
            Booking booking = bookings.lock(found.bookingId()).orElseThrow();
            Extension extension = extensions.lock(extensionId).orElseThrow();
            Instant now = clock.instant();
            if (!extension.pending() || extension.holdExpiresAt().isAfter(now)) {
                return;
            }
            extensions.settle(extension.id(), Extension.EXPIRED, "pending", now);
            extensions.hold(booking.id(), null, now);
            if (booking.status().holdsSlot()) {
                occupancy.occupy(booking.spotId(), booking.id(), booking.startTime(), booking.endTime());
            }
            log.info("Extension {} of booking {} was not paid in time: released", extension.id(), booking.id());
        });
    }

    /** A pending extension ends with its booking (in the transaction that cancels or completes it). */
    @EventListener
    void on(BookingCancelled cancelled) {
        dropPending(cancelled.bookingId());
    }

    @EventListener
    void on(BookingCompleted completed) {
        dropPending(completed.bookingId());
    }

    public List<Extension> of(UUID bookingId) {
        return extensions.ofBooking(bookingId);
    }

    public Optional<Extension> find(UUID extensionId) {
        return extensions.find(extensionId);
    }

    /** The extensions waiting for payment, by booking id. */
    public Map<UUID, Extension> pendingOf(Collection<UUID> bookingIds) {
        return extensions.pendingOf(bookingIds).stream()
                .collect(Collectors.toMap(Extension::bookingId, Function.identity()));
    }

    private void dropPending(UUID bookingId) {
        extensions.pendingOf(bookingId).ifPresent(pending -> {
            Instant now = clock.instant();
            extensions.settle(pending.id(), Extension.CANCELLED, pending.paymentStatus(), now);
            extensions.hold(bookingId, null, now);
            schedule.cancel(LifecycleTasks.EXPIRE_EXTENSION, pending.id());
        });
    }

    /** The booking ends later and costs more; auto-complete moves to the new end; the event tells the others. */
    private void takeEffect(Booking booking, Extension extension, Instant now) {
        extensions.apply(booking.id(), extension, now);
        schedule.move(LifecycleTasks.COMPLETE, booking.id(), extension.newEndTime());
        events.publishEvent(new BookingExtended(
                booking.id(),
                booking.spotId(),
                booking.userId(),
                booking.ownerId(),
                booking.status(),
                extension.id(),
                extension.previousEndTime(),
                extension.newEndTime(),
                extension.totalAmount(),
                extension.currency(),
                extension.paymentStatus()));
    }

    /**
     * The whole stay priced again, minus what the booking already costs. A rate lowered since the booking never makes
     * the booking cheaper: then the extension is free.
     */
    private Extension priced(Booking booking, SpotSnapshot spot, Instant newEnd, Instant now) {
        Pricing.Rates rates = new Pricing.Rates(spot.hourlyRate(), spot.dailyRate(), spot.monthlyRate());
        Pricing.Quote whole =
                Pricing.quote(rates, Duration.between(booking.startTime(), newEnd), properties.feePolicy());
        if (whole.total() > Integer.MAX_VALUE) {
            throw ApiException.badRequest("Booking total is too large");
        }
        long subtotal = 0;
        long fee = 0;
        long payout = 0;
        if (whole.total() > booking.totalAmount()) {
            subtotal = Math.max(0, whole.subtotal() - booking.subtotal());
            fee = Math.max(0, whole.serviceFee() - booking.serviceFee());
            payout = Math.clamp(whole.ownerPayout() - booking.ownerPayout(), 0, subtotal + fee);
        }
        long total = subtotal + fee;
        boolean online =
                paymentMode.getIfAvailable(() -> () -> PaymentMode.Kind.OFFLINE).kind() == PaymentMode.Kind.ONLINE;
        boolean pending = online && total > 0;
        return new Extension(
                java.util.UUID.randomUUID(),
                booking.id(),
                booking.endTime(),
                newEnd,
                pending ? Extension.PENDING : Extension.CONFIRMED,
                booking.currency(),
                Math.toIntExact(subtotal),
                Math.toIntExact(fee),
                Math.toIntExact(total),
                Math.toIntExact(payout),
                total == 0 ? "none" : pending ? "pending" : "completed",
                pending ? now.plus(properties.paymentHold()) : null,
                now,
                now);
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
        return duration.toMinutes() + " minutes";
    }
}
