package com.parkingspots.payments.internal;

import java.util.UUID;

/**
 * Money arrived for a booking that was no longer waiting for it (its hold expired, or the driver cancelled while
 * paying). Published with the payment's success and handled after commit: the payment is refunded in full.
 */
public record PaymentCapturedAfterCancellation(UUID paymentId, UUID bookingId) {}
