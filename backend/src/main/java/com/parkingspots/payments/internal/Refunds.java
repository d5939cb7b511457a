package com.parkingspots.payments.internal;

import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.BookingView;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.bookings.ExtensionView;
import com.parkingspots.payments.RefundIssued;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Refunds (CONTRACT.md Decision 17). A refund is reserved first (numbered, counted against what remains, committed),
 * then sent to the provider with an idempotency key made of the payment id and that number, then settled. So refunds
 * never add up to more than was paid, even when they race, and a refund whose outcome is unknown (timeout, crash) is
 * sent again with the same key instead of twice.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(10);

    /** {@code Refund} of CONTRACT.md 2.11, for the payment {@code id}. */
    public record RefundView(UUID id, int originalAmount, int refundAmount, String status, Instant refundedAt) {}

    private final Bookings bookings;
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final PayoutRepository payouts;
    private final PaymentsConfiguration.Providers providers;
    private final RefundPolicy policy;
    private final Duration resendAfter;
    private final PaymentsTransactions tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Refunds(
            Bookings bookings,
            PaymentRepository payments,
            RefundRepository refunds,
            PayoutRepository payouts,
            PaymentsConfiguration.Providers providers,
            PaymentProperties properties,
            PaymentsTransactions tx,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.bookings = bookings;
        this.payments = payments;
        this.refunds = refunds;
        this.payouts = payouts;
        this.providers = providers;
        this.policy = properties.refunds().policy();
        this.resendAfter = properties.refunds().resendAfter();
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * {@code POST /payments/refund}. The booker gets the policy amount (cancelling the booking first when it is still
     * pending or confirmed); an admin refunds any amount up to what remains (all of it when no amount is given).
     */
    public RefundView request(Caller caller, UUID paymentId, @Nullable Integer amount, @Nullable String reason) {
        Payment payment = payments.find(paymentId).orElseThrow(() -> ApiException.notFound("Payment not found"));
        if (!caller.isAdmin() && !caller.is(payment.userId())) {
            throw ApiException.forbidden("Not authorized");
        }
        if (!payment.refundable()) {
            throw ApiException.badRequest("Can only refund successful payments");
        }
        resendUnsent(payment.id());
        if (caller.isAdmin()) {
            return view(adminRefund(payment, amount, reason, caller.id()));
        }
        BookingView booking = bookings.find(payment.bookingId()).orElseThrow();
        if (booking.status() == BookingStatus.PENDING || booking.status() == BookingStatus.CONFIRMED) {
            booking = bookings.cancelByDriver(
                    booking.id(), caller.id(), reason == null || reason.isBlank() ? "Refund requested" : reason);
        }
        if (booking.status() != BookingStatus.CANCELLED && booking.status() != BookingStatus.REFUNDED) {
            throw ApiException.badRequest("No refund is due: the booking has already started");
        }
        // The cancellation event may be refunding this payment right now: policyRefund returns that same refund.
        long due = dueByPolicy(payment, booking);
        if (amount != null && amount > due) {
            throw ApiException.forbidden("Only an admin can refund more than the cancellation policy allows");
        }
        if (due <= 0) {
            throw ApiException.badRequest("No refund is due under the cancellation policy");
        }
        PaymentRefund refund = policyRefund(payment.id(), booking, reason, caller.id())
                .orElseThrow(() -> ApiException.badRequest("No refund is due under the cancellation policy"));
        return view(awaitSettled(refund));
    }

    /**
     * A booking was cancelled (or its payment arrived after it was): refunds what the policy says, once. Does nothing
     * for a booking without a captured payment.
     */
    List<PaymentRefund> refundCancelledBooking(UUID bookingId) {
        BookingView booking = bookings.find(bookingId).orElse(null);
        if (booking == null
                || (booking.status() != BookingStatus.CANCELLED && booking.status() != BookingStatus.REFUNDED)) {
            return List.of();
        }
        List<PaymentRefund> sent = new ArrayList<>();
        for (Payment payment : payments.allOfBooking(bookingId)) {
            if (!payment.captured()) {
                continue;
            }
            resendUnsent(payment.id());
            policyRefund(payment.id(), booking, booking.cancelledBy() == null ? "Booking expired" : null, null)
                    .ifPresent(sent::add);
        }
        return sent;
    }

    /**
     * Money arrived for an extension that never took effect (its hold expired, or its booking ended meanwhile): it is
     * given back in full.
     */
    Optional<PaymentRefund> refundUnappliedExtension(UUID paymentId) {
        Payment payment = payments.find(paymentId).orElse(null);
        if (payment == null || payment.extensionId() == null || !payment.captured()) {
            return Optional.empty();
        }
        BookingView booking = bookings.find(payment.bookingId()).orElseThrow();
        if (bookings.findExtension(payment.extensionId())
                .map(ExtensionView::confirmed)
                .orElse(false)) {
            return Optional.empty();
        }
        resendUnsent(payment.id());
        return policyRefund(payment.id(), booking, "Extension was not applied", null);
    }

    /** What the owner earns from every captured payment of the booking, after refunds (the payout row's amount). */
    private long ownerEarnings(UUID bookingId) {
        return payments.allOfBooking(bookingId).stream()
                .filter(Payment::captured)
                .mapToLong(p -> Fees.ownerEarnings(p.amount(), p.ownerPayout(), p.refundedAmount()))
                .sum();
    }

    /**
     * What the policy gives back of this payment for this cancelled booking (before what was already refunded); the
     * payment of an extension that never took effect is given back whole.
     */
    long dueByPolicy(Payment payment, BookingView booking) {
        if (payment.extensionId() != null
                && !bookings.findExtension(payment.extensionId())
                        .map(ExtensionView::confirmed)
                        .orElse(false)) {
            return payment.amount();
        }
        return dueByPolicy(payment, booking, booking.cancelledAt() == null ? clock.instant() : booking.cancelledAt());
    }

    /** What the policy would give back of this payment if the booking were cancelled at {@code cancelledAt}. */
    long dueByPolicy(Payment payment, BookingView booking, Instant cancelledAt) {
        if (payment.paidAt() != null && payment.paidAt().isAfter(cancelledAt)) {
            return payment.amount(); // paid for a booking that was already cancelled: never a stay
        }
        UUID by = booking.cancelledBy();
        boolean byDriver = by != null && by.equals(booking.userId()) && !by.equals(booking.ownerId());
        return policy.refundable(payment.amount(), booking.startTime(), cancelledAt, byDriver);
    }

    private record Reservation(PaymentRefund refund, boolean created) {}

    /**
     * The policy refund of a payment: reserved and sent by whoever comes first (the cancellation event or the
     * driver's request); anyone else gets that same refund back and waits briefly for its answer.
     */
    private Optional<PaymentRefund> policyRefund(
            UUID paymentId, BookingView booking, @Nullable String reason, @Nullable UUID requestedBy) {
        Reservation reservation = tx.own.execute(status -> {
            Payment payment = payments.lock(paymentId).orElseThrow();
            Optional<PaymentRefund> existing = refunds.policyRefund(paymentId);
            if (existing.isPresent()) {
                return new Reservation(existing.get(), false);
            }
            if (!payment.refundable()) {
                return null;
            }
            long due = Math.min(dueByPolicy(payment, booking), payment.amount() - refunds.committed(paymentId));
            if (due <= 0) {
                return null;
            }
            return new Reservation(
                    refunds.insertPending(
                            paymentId,
                            PaymentRefund.POLICY,
                            Math.toIntExact(due),
                            reason,
                            requestedBy,
                            clock.instant()),
                    true);
        });
        if (reservation == null) {
            return Optional.empty();
        }
        return Optional.of(reservation.created() ? send(reservation.refund()) : awaitSettled(reservation.refund()));
    }

    private PaymentRefund adminRefund(Payment payment, @Nullable Integer amount, @Nullable String reason, UUID admin) {
        PaymentRefund reserved = tx.own.execute(status -> {
            Payment locked = payments.lock(payment.id()).orElseThrow();
            if (!locked.refundable()) {
                throw ApiException.badRequest("Can only refund successful payments");
            }
            int remaining = locked.amount() - refunds.committed(locked.id());
            if (remaining <= 0) {
                throw ApiException.badRequest("Payment has already been fully refunded");
            }
            int requested = amount == null || amount == 0 ? remaining : amount;
            if (requested > remaining) {
                throw ApiException.badRequest("Refund amount exceeds what remains of the payment (" + remaining + ")");
            }
            return refunds.insertPending(locked.id(), PaymentRefund.ADMIN, requested, reason, admin, clock.instant());
        });
        return send(reserved);
    }

    /** Sends a reserved refund to the provider and settles it with the answer. */
    private PaymentRefund send(PaymentRefund refund) {
        Payment payment = payments.find(refund.paymentId()).orElseThrow();
        PaymentProvider.RefundResult result;
        try {
            result = providers
                    .of(payment.provider())
                    .refund(new PaymentProvider.RefundRequest(
                            payment.id(),
                            payment.bookingId(),
                            payment.paymentIntentId(),
                            refund.amount(),
                            payment.destinationAccount() != null,
                            StripeIdempotencyKeys.refund(payment.id(), refund.sequence())));
        } catch (PaymentProviderException e) {
            if (!e.outcomeUnknown()) {
                tx.own.executeWithoutResult(status -> settle(refund.id(), PaymentRefund.FAILED, null, e.detail()));
            }
            throw e;
        }
        return tx.own.execute(status -> settle(refund.id(), result.status(), result.id(), result.failureReason()));
    }

    /**
     * Records the provider's answer (call inside a transaction; also used by the {@code refund.updated} webhook). A
     * refund settles once: a succeeded refund adds to the payment's refunded amount, lowers the owner's payout row if
     * the booking already completed, and moves a cancelled booking to {@code refunded}.
     */
    PaymentRefund settle(UUID refundId, String status, @Nullable String providerRefundId, @Nullable String failure) {
        PaymentRefund refund = refunds.lock(refundId).orElseThrow();
        Instant now = clock.instant();
        if (!refund.pending()) {
            return refund;
        }
        switch (status) {
            case PaymentRefund.SUCCEEDED -> {
                refunds.update(refund.id(), PaymentRefund.SUCCEEDED, providerRefundId, null, now);
                payments.addRefunded(refund.paymentId(), refund.amount(), now);
                Payment payment = payments.find(refund.paymentId()).orElseThrow();
                events.publishEvent(new RefundIssued(
                        refund.id(), payment.bookingId(), payment.userId(), refund.amount(), payment.currency()));
                payouts.setAmountForBooking(payment.bookingId(), Math.toIntExact(ownerEarnings(payment.bookingId())));
                bookings.find(payment.bookingId())
                        .filter(b -> b.status() == BookingStatus.CANCELLED)
                        .ifPresent(b -> bookings.markRefunded(b.id()));
            }
            case PaymentRefund.FAILED -> {
                log.warn("Refund {} of payment {} failed: {}", refund.id(), refund.paymentId(), failure);
                refunds.update(refund.id(), PaymentRefund.FAILED, providerRefundId, failure, now);
            }
            default -> refunds.update(refund.id(), PaymentRefund.PENDING, providerRefundId, null, now);
        }
        return refunds.lock(refundId).orElseThrow();
    }

    /** Refunds reserved but never answered (the provider timed out, or we crashed): sent again, same key. */
    private void resendUnsent(UUID paymentId) {
        for (PaymentRefund unsent : refunds.unsent(paymentId)) {
            if (unsent.updatedAt().isBefore(clock.instant().minus(resendAfter))) {
                log.info("Sending refund {} of payment {} again", unsent.sequence(), paymentId);
                send(unsent);
            }
        }
    }

    /** Another request is sending this refund right now: wait a little for its answer. */
    private PaymentRefund awaitSettled(PaymentRefund refund) {
        Instant until = clock.instant().plus(SETTLE_WAIT);
        PaymentRefund current = refund;
        while (current.pending()
                && current.providerRefundId() == null
                && clock.instant().isBefore(until)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            current = refunds.find(refund.id()).orElseThrow();
        }
        return current;
    }

    private RefundView view(PaymentRefund refund) {
        if (PaymentRefund.FAILED.equals(refund.status())) {
            throw ApiException.badRequest(
                    "Refund failed" + (refund.failureMessage() == null ? "" : ": " + refund.failureMessage()));
        }
        Payment payment = payments.find(refund.paymentId()).orElseThrow();
        String status = refund.pending()
                ? Payment.Status.PROCESSING.value()
                : payment.status().value();
        return new RefundView(payment.id(), payment.amount(), refund.amount(), status, refund.updatedAt());
    }
}
