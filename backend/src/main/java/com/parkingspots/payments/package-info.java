/** Payment providers (offline, Stripe Connect), webhooks, refunds by the cancellation policy and owner payouts. */
@ApplicationModule(allowedDependencies = {"shared", "bookings"})
@NullMarked
package com.parkingspots.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
