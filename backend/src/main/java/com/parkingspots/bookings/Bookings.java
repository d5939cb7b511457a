package com.parkingspots.bookings;

import java.time.Instant;
import java.util.List;
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

    /** An extension of a booking, by its id. */
    Optional<ExtensionView> findExtension(UUID extensionId);

    /** Every extension of the booking, oldest first. */
    List<ExtensionView> extensionsOf(UUID bookingId);

    /**
     * The payment of a pending extension succeeded: the extension takes effect (new end, amounts, auto-complete moved,
     * {@link BookingExtended} published). False (and nothing changes) when it is no longer pending, or its booking is
     * no longer active: such money is to be refunded.
     */
    boolean confirmExtensionPaid(UUID extensionId);

    /** Bookings created and cancelled from {@code since} on (the admin dashboard's "today"). */
    BookingDayCounts countSince(Instant since);
}
