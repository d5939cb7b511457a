/** WebSocket sessions, subscriptions and fan-out of domain events. */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package com.parkingspots.realtime;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
