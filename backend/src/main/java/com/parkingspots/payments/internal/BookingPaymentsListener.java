package com.parkingspots.payments.internal;

import com.parkingspots.bookings.BookingCancelled;
import com.parkingspots.bookings.BookingCompleted;
import com.parkingspots.bookings.BookingCreated;
import com.parkingspots.bookings.BookingExtended;
import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.shared.config.AsyncListener;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Payments' reactions to bookings, after the booking's transaction commits (asynchronously; the event publication
 * registry redelivers what did not complete). Every reaction is idempotent, so a redelivery changes nothing. No
 * transaction around a whole reaction ({@code NOT_SUPPORTED}): its steps commit one by one, because a refund must be
 * reserved and committed before the provider is called.
 */
@Component
class BookingPaymentsListener {

    private static final Logger log = LoggerFactory.getLogger(BookingPaymentsListener.class);

    private final Checkout checkout;
    private final Refunds refunds;
    private final PayoutLedger ledger;
    private final PaymentRepository payments;
    private final PaymentsConfiguration.Providers providers;
    private final Clock clock;

    BookingPaymentsListener(
            Checkout checkout,
            Refunds refunds,
            PayoutLedger ledger,
            PaymentRepository payments,
            PaymentsConfiguration.Providers providers,
            Clock clock) {
        this.checkout = checkout;
        this.refunds = refunds;
        this.ledger = ledger;
        this.payments = payments;
        this.providers = providers;
        this.clock = clock;
    }

    /** An offline booking is confirmed when made: its payment is recorded as succeeded. */
    @AsyncListener
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(BookingCreated created) {
        if (created.status() == BookingStatus.CONFIRMED) {
            checkout.recordOfflinePayment(created);
        }
    }

    /**
     * A cancelled booking is refunded by the policy. An intent still unpaid is cancelled at the provider, so it cannot
     * be paid any more (if it was paid meanwhile, {@link PaymentCapturedAfterCancellation} refunds it).
     */
    @AsyncListener
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(BookingCancelled cancelled) {
        checkout.recordOfflinePayment(cancelled.bookingId()); // in case the creation event is still on its way
        payments.allOfBooking(cancelled.bookingId()).stream()
                .filter(p -> p.status() == Payment.Status.PENDING && p.paymentIntentId() != null)
                .forEach(p -> {
                    String key = p.extensionId() == null
                            ? StripeIdempotencyKeys.cancelPaymentIntent(cancelled.bookingId())
                            : StripeIdempotencyKeys.cancelExtensionPaymentIntent(p.extensionId());
                    if (providers.of(p.provider()).cancelIntent(p.paymentIntentId(), key)) {
                        payments.markFailed(p.id(), "Booking was cancelled before it was paid", clock.instant());
                    }
                });
        refunds.refundCancelledBooking(cancelled.bookingId())
                .forEach(r -> log.info(
                        "Booking {} cancelled: refund of {} is {}", cancelled.bookingId(), r.amount(), r.status()));
    }

    /** An offline extension took effect: its payment (the difference) is recorded as succeeded. */
    @AsyncListener
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(BookingExtended extended) {
        if ("completed".equals(extended.paymentStatus())) {
            checkout.recordOfflineExtensionPayment(extended.extensionId());
        }
    }

    @AsyncListener
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentCapturedAfterCancellation late) {
        Payment payment = payments.find(late.paymentId()).orElse(null);
        if (payment != null && payment.extensionId() != null) {
            refunds.refundUnappliedExtension(payment.id());
        } else {
            refunds.refundCancelledBooking(late.bookingId());
        }
    }

    @AsyncListener
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(BookingCompleted completed) {
        ledger.recordCompletion(completed);
    }
}
