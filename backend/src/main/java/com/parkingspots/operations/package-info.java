/**
 * Operations: who may read the metrics (the actuator on the public port), the sliding windows behind the admin
 * dashboard and {@code GET /api/v1/admin/dashboard} itself.
 */
@ApplicationModule(allowedDependencies = {"shared", "bookings"})
@NullMarked
package com.parkingspots.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
