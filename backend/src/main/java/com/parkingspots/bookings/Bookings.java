package com.parkingspots.bookings;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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

    /**
     * The driver cancels their own booking ({@code pending|confirmed → cancelled}), as {@code POST /bookings/{id}/cancel}
     * would: payments does this when a driver asks for their refund of a booking they have not cancelled yet. Throws the
     * same 403/400 as that endpoint; publishes {@link BookingCancelled}.
     */
    BookingView cancelByDriver(UUID bookingId, UUID driverId, @Nullable String reason);

    /** A cancelled booking's refund went through: {@code cancelled → refunded}. */
    void markRefunded(UUID bookingId);

    /** Bookings created and cancelled from {@code since} on (the admin dashboard's "today"). */
    BookingDayCounts countSince(Instant since);
}
