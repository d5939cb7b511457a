/** Reviews, owner responses, helpful votes and rating aggregates. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "spots", "bookings"})
@NullMarked
package com.parkingspots.reviews;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
