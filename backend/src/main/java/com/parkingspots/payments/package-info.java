/** Payment providers (offline, Stripe), webhooks, refunds and owner payouts. */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package com.parkingspots.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
