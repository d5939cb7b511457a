/** Parking spot listings, availability rules and nearby search. */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package com.parkingspots.spots;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
