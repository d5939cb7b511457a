package com.parkingspots.bookings;

import java.util.Optional;
import java.util.UUID;

/** What other modules may read and change of bookings; every change is a guarded transition. */
public interface Bookings {

    Optional<BookingView> find(UUID bookingId);

    Optional<BookingView> findByPaymentIntent(String paymentIntentId);

    /** Remembers the payment intent created for a pending booking. */
    void attachPaymentIntent(UUID bookingId, String paymentIntentId);

    /**
     * Payment succeeded: {@code pending → confirmed} with {@code payment_status "paid"}. Returns false (and changes
     * nothing) when the booking was already confirmed by the other path, so webhook and confirm-call race safely.
     */
    boolean confirmPaid(UUID bookingId);

    /** A cancelled booking's refund went through: {@code cancelled → refunded}. */
    void markRefunded(UUID bookingId);
}
