/** Pricing, the booking state machine and its lifecycle jobs, extensions and parking passes. */
@ApplicationModule(allowedDependencies = {"shared", "spots", "identity"})
@NullMarked
package com.parkingspots.bookings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
