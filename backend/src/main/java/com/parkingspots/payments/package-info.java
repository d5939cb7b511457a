/**
 * Payment providers (offline, Stripe Connect), webhooks, refunds by the cancellation policy, refund quotes, receipts and
 * owner payouts.
 */
@ApplicationModule(allowedDependencies = {"shared", "bookings", "spots", "identity"})
@NullMarked
package com.parkingspots.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
