/** Pricing, the booking state machine and its lifecycle jobs. */
@ApplicationModule(allowedDependencies = {"shared", "spots"})
@NullMarked
package com.parkingspots.bookings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
