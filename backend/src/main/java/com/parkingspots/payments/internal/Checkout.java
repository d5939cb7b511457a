package com.parkingspots.payments.internal;

import com.parkingspots.bookings.BookingCreated;
import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.BookingView;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.bookings.ExtensionView;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Paying for a booking: the PaymentIntent, and its success (confirm call or webhook, whichever comes first, confirms
 * the booking exactly once) or failure. Offline bookings get their succeeded payment record here too.
 */
@Service
public class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);

    /** {@code PaymentIntent} of CONTRACT.md 2.11. */
    public record IntentView(@Nullable String clientSecret, String paymentIntentId, long amount, String currency) {}

    private final Bookings bookings;
    private final PaymentRepository payments;
    private final ConnectAccountRepository accounts;
    private final PaymentsConfiguration.Providers providers;
    private final PaymentsTransactions tx;
    private final ApplicationEventPublisher events;
    private final PaymentMetrics metrics;
    private final Clock clock;

    Checkout(
            Bookings bookings,
            PaymentRepository payments,
            ConnectAccountRepository accounts,
            PaymentsConfiguration.Providers providers,
            PaymentsTransactions tx,
            ApplicationEventPublisher events,
            PaymentMetrics metrics,
            Clock clock) {
        this.bookings = bookings;
        this.payments = payments;
        this.accounts = accounts;
        this.providers = providers;
        this.tx = tx;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * {@code POST /payments/create-payment-intent} with an {@code extension_id}: the intent of a pending extension (the
     * difference it costs), created once.
     */
    public IntentView createIntent(Caller caller, UUID bookingId, @Nullable UUID extensionId) {
        if (extensionId == null) {
            return createIntent(caller, bookingId);
        }
        ExtensionView extension = bookings.findExtension(extensionId)
                .filter(e -> e.bookingId().equals(bookingId))
                .orElseThrow(() -> ApiException.notFound("Extension not found"));
        if (!caller.is(extension.userId())) {
            throw ApiException.forbidden("Not authorized");
        }
        if (!extension.pending()) {
            throw ApiException.badRequest("Extension is not waiting for payment");
        }
        Optional<Payment> existing = payments.byExtension(extensionId).filter(p -> p.paymentIntentId() != null);
        if (existing.isPresent()) {
            Payment payment = existing.get();
            return view(providers.of(payment.provider()).retrieveIntent(payment.paymentIntentId()));
        }
        BookingView booking = bookings.find(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
        PaymentProvider provider = providers.active();
        String destination = accounts.byUser(booking.ownerId())
                .filter(ConnectAccount::chargesEnabled)
                .map(ConnectAccount::accountId)
                .orElse(null);
        long fee = Fees.applicationFee(extension.totalAmount(), extension.ownerPayout());
        PaymentProvider.Intent intent = provider.createIntent(new PaymentProvider.IntentRequest(
                booking.id(),
                booking.userId(),
                extension.totalAmount(),
                extension.currency(),
                fee,
                destination,
                StripeIdempotencyKeys.extensionPaymentIntent(extensionId),
                extensionId));
        tx.own.executeWithoutResult(status -> payments.insertOrGet(
                pendingExtension(booking, extension, provider.name(), intent.id(), destination, fee)));
        return view(intent);
    }

    /** {@code POST /payments/create-payment-intent}: creates the booking's intent, or returns the one it has. */
    public IntentView createIntent(Caller caller, UUID bookingId) {
        BookingView booking = bookings.find(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
        if (!caller.is(booking.userId())) {
            throw ApiException.forbidden("Not authorized");
        }
        if (booking.status() != BookingStatus.PENDING) {
            throw ApiException.badRequest("Booking is not in pending state");
        }
        Optional<Payment> existing = payments.byBooking(bookingId).filter(p -> p.paymentIntentId() != null);
        if (existing.isPresent()) {
            Payment payment = existing.get();
            return view(providers.of(payment.provider()).retrieveIntent(payment.paymentIntentId()));
        }
        PaymentProvider provider = providers.active();
        String destination = accounts.byUser(booking.ownerId())
                .filter(ConnectAccount::chargesEnabled)
                .map(ConnectAccount::accountId)
                .orElse(null);
        long fee = Fees.applicationFee(booking);
        PaymentProvider.Intent intent = provider.createIntent(new PaymentProvider.IntentRequest(
                booking.id(),
                booking.userId(),
                booking.totalAmount(),
                booking.currency(),
                fee,
                destination,
                StripeIdempotencyKeys.paymentIntent(booking.id())));
        tx.own.executeWithoutResult(status -> {
            Payment payment = payments.insertOrGet(pending(booking, provider.name(), intent.id(), destination, fee));
            if (intent.id().equals(payment.paymentIntentId()) && booking.paymentIntentId() == null) {
                bookings.attachPaymentIntent(booking.id(), intent.id());
            }
        });
        return view(intent);
    }

    /** {@code POST /payments/confirm-payment}: the booker says they paid; we ask the provider. */
    public void confirm(Caller caller, String intentId) {
        Optional<Payment> payment = payments.byIntent(intentId);
        BookingView booking = payment.flatMap(p -> bookings.find(p.bookingId()))
                .or(() -> bookings.findByPaymentIntent(intentId))
                .orElseThrow(() -> ApiException.notFound("Payment not found"));
        if (!caller.is(booking.userId())) {
            throw ApiException.forbidden("Not authorized");
        }
        if (payment.isPresent() && payment.get().captured()) {
            return; // the webhook was first
        }
        String provider = payment.map(Payment::provider).orElse(PaymentProvider.STRIPE);
        PaymentProvider.Intent intent = providers.of(provider).retrieveIntent(intentId);
        if (!intent.succeeded()) {
            throw ApiException.badRequest("Payment has not been completed");
        }
        tx.own.executeWithoutResult(status -> succeeded(intent));
    }

    /**
     * The intent succeeded (call inside a transaction: a webhook's, or the confirm call's). Marks the payment and
     * confirms the booking, both only the first time. Money for a booking that is no longer pending is refunded.
     */
    void succeeded(PaymentProvider.Intent intent) {
        Instant now = clock.instant();
        Payment payment = payments.byIntent(intent.id()).orElse(null);
        if (payment == null) {
            payment = adopt(intent);
            if (payment == null) {
                log.warn("Payment intent {} succeeded for no booking we know; ignored", intent.id());
                return;
            }
        }
        if (!payments.markSucceeded(payment.id(), intent.chargeId(), intent.card(), now)) {
            if (intent.card() != null) {
                payments.recordCard(payment.id(), intent.chargeId(), intent.card(), now);
            }
            return;
        }
        metrics.succeeded(payment.provider());
        if (payment.extensionId() != null) {
            if (!bookings.confirmExtensionPaid(payment.extensionId())) {
                log.info(
                        "Extension {} was no longer waiting when its payment arrived: refunding it",
                        payment.extensionId());
                events.publishEvent(new PaymentCapturedAfterCancellation(payment.id(), payment.bookingId()));
            }
            return;
        }
        if (!bookings.confirmPaid(payment.bookingId())) {
            BookingView booking = bookings.find(payment.bookingId()).orElseThrow();
            if (booking.status() == BookingStatus.CANCELLED || booking.status() == BookingStatus.REFUNDED) {
                log.info("Booking {} was {} when its payment arrived: refunding it", booking.id(), booking.status());
                events.publishEvent(new PaymentCapturedAfterCancellation(payment.id(), booking.id()));
            }
        }
    }

    /** {@code payment_intent.payment_failed}: recorded unless the payment already succeeded. */
    void failed(String intentId, @Nullable String message) {
        payments.byIntent(intentId)
                .ifPresentOrElse(
                        p -> {
                            if (p.status() != Payment.Status.FAILED
                                    && payments.markFailed(p.id(), message, clock.instant())) {
                                metrics.failed(p.provider());
                            }
                        },
                        () -> log.warn("Payment intent {} failed for no payment we know; ignored", intentId));
    }

    /**
     * An offline booking was made (confirmed at once): its payment is recorded as succeeded, once, from the event's
     * figures, in one statement (ADR 0014). An event stored before it carried them reads the booking.
     */
    void recordOfflinePayment(BookingCreated created) {
        if (created.ownerPayout() == null) {
            recordOfflinePayment(created.bookingId());
            return;
        }
        Instant now = clock.instant();
        if (payments.insertIfAbsent(offline(
                created.bookingId(),
                created.userId(),
                created.ownerId(),
                created.totalAmount(),
                created.currency(),
                created.ownerPayout(),
                now))) {
            metrics.succeeded(PaymentProvider.OFFLINE);
        }
    }

    /** An offline booking was made: its payment is recorded as succeeded (once). */
    Optional<Payment> recordOfflinePayment(UUID bookingId) {
        Optional<Payment> existing = payments.byBooking(bookingId);
        if (existing.isPresent()) {
            return existing;
        }
        BookingView booking = bookings.find(bookingId).orElse(null);
        if (booking == null || !"completed".equals(booking.paymentStatus())) {
            return Optional.empty(); // not an offline booking
        }
        Payment offline = offline(
                booking.id(),
                booking.userId(),
                booking.ownerId(),
                booking.totalAmount(),
                booking.currency(),
                booking.ownerPayout(),
                clock.instant());
        Payment stored = payments.insertOrGet(offline);
        if (stored.id().equals(offline.id())) {
            metrics.succeeded(PaymentProvider.OFFLINE);
        }
        return Optional.of(stored);
    }

    private static Payment offline(
            UUID bookingId, UUID userId, UUID ownerId, int total, String currency, int ownerPayout, Instant now) {
        return new Payment(
                UUID.randomUUID(),
                bookingId,
                userId,
                ownerId,
                PaymentProvider.OFFLINE,
                total,
                currency,
                ownerPayout,
                Math.toIntExact(Fees.applicationFee(total, ownerPayout)),
                Payment.Status.SUCCEEDED,
                null,
                null,
                null,
                "offline",
                null,
                null,
                null,
                0,
                now,
                now,
                now);
    }

    /** An offline extension took effect: its payment (the difference) is recorded as succeeded (once). */
    Optional<Payment> recordOfflineExtensionPayment(UUID extensionId) {
        Optional<Payment> existing = payments.byExtension(extensionId);
        if (existing.isPresent()) {
            return existing;
        }
        ExtensionView extension = bookings.findExtension(extensionId).orElse(null);
        if (extension == null || !"completed".equals(extension.paymentStatus()) || extension.totalAmount() == 0) {
            return Optional.empty();
        }
        BookingView booking = bookings.find(extension.bookingId()).orElseThrow();
        Instant now = clock.instant();
        Payment offline = new Payment(
                        UUID.randomUUID(),
                        booking.id(),
                        booking.userId(),
                        booking.ownerId(),
                        PaymentProvider.OFFLINE,
                        extension.totalAmount(),
                        extension.currency(),
                        extension.ownerPayout(),
                        Math.toIntExact(Fees.applicationFee(extension.totalAmount(), extension.ownerPayout())),
                        Payment.Status.SUCCEEDED,
                        null,
                        null,
                        null,
                        "offline",
                        null,
                        null,
                        null,
                        0,
                        now,
                        now,
                        now)
                .forExtension(extensionId);
        Payment stored = payments.insertOrGet(offline);
        if (stored.id().equals(offline.id())) {
            metrics.succeeded(PaymentProvider.OFFLINE);
        }
        return Optional.of(stored);
    }

    /** A success for an intent we have no row for yet (the webhook beat our own insert): found by its metadata. */
    private @Nullable Payment adopt(PaymentProvider.Intent intent) {
        UUID bookingId = uuid(intent.metadata().get("booking_id"));
        BookingView booking =
                bookingId == null ? null : bookings.find(bookingId).orElse(null);
        if (booking == null) {
            return null;
        }
        UUID extensionId = uuid(intent.metadata().get("extension_id"));
        if (extensionId != null) {
            ExtensionView extension = bookings.findExtension(extensionId)
                    .filter(e -> e.bookingId().equals(booking.id()))
                    .orElse(null);
            if (extension == null) {
                return null;
            }
            long fee = intent.applicationFee() == null
                    ? Fees.applicationFee(extension.totalAmount(), extension.ownerPayout())
                    : intent.applicationFee();
            Payment payment = payments.insertOrGet(pendingExtension(
                    booking, extension, PaymentProvider.STRIPE, intent.id(), intent.destination(), fee));
            return intent.id().equals(payment.paymentIntentId()) ? payment : null;
        }
        long fee = intent.applicationFee() == null ? Fees.applicationFee(booking) : intent.applicationFee();
        Payment payment =
                payments.insertOrGet(pending(booking, PaymentProvider.STRIPE, intent.id(), intent.destination(), fee));
        if (!intent.id().equals(payment.paymentIntentId())) {
            log.warn(
                    "Booking {} has intent {}, but {} succeeded for it",
                    booking.id(),
                    payment.paymentIntentId(),
                    intent.id());
            return null;
        }
        if (booking.paymentIntentId() == null) {
            bookings.attachPaymentIntent(booking.id(), intent.id());
        }
        return payment;
    }

    private Payment pending(
            BookingView booking, String provider, String intentId, @Nullable String destination, long fee) {
        Instant now = clock.instant();
        return new Payment(
                UUID.randomUUID(),
                booking.id(),
                booking.userId(),
                booking.ownerId(),
                provider,
                booking.totalAmount(),
                booking.currency(),
                booking.ownerPayout(),
                Math.toIntExact(fee),
                Payment.Status.PENDING,
                intentId,
                destination,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                now,
                now);
    }

    private Payment pendingExtension(
            BookingView booking,
            ExtensionView extension,
            String provider,
            String intentId,
            @Nullable String destination,
            long fee) {
        Instant now = clock.instant();
        return new Payment(
                        UUID.randomUUID(),
                        booking.id(),
                        booking.userId(),
                        booking.ownerId(),
                        provider,
                        extension.totalAmount(),
                        extension.currency(),
                        extension.ownerPayout(),
                        Math.toIntExact(fee),
                        Payment.Status.PENDING,
                        intentId,
                        destination,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        null,
                        now,
                        now)
                .forExtension(extension.id());
    }

    private static IntentView view(PaymentProvider.Intent intent) {
        return new IntentView(intent.clientSecret(), intent.id(), intent.amount(), intent.currency());
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
