package com.parkingspots.payments;

import java.util.UUID;

/** A refund of a booking's payment succeeded: {@code amount} minor units of {@code currency} go back to the driver. */
public record RefundIssued(UUID refundId, UUID bookingId, UUID userId, int amount, String currency) {}
