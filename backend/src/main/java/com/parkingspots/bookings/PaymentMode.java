package com.parkingspots.bookings;

/**
 * How new bookings are paid, decided by the payments module (bookings does not depend on it): {@code OFFLINE} confirms
 * at creation with {@code payment_status "completed"}; {@code ONLINE} leaves the booking pending, holding the slot until
 * paid or expired. Without any bean of this type, bookings are offline.
 */
public interface PaymentMode {

    enum Kind {
        OFFLINE,
        ONLINE
    }

    Kind kind();
}
