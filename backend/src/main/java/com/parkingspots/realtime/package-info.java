/**
 * Real-time events over WebSocket ({@code /api/v1/ws}, CONTRACT.md Decision 20): authenticated sessions, spot and map
 * area subscriptions, and the fan-out of committed domain events to the users entitled to them, across instances
 * through {@code shared.cluster}'s event bus.
 */
@ApplicationModule(allowedDependencies = {"shared", "spots", "bookings", "reviews"})
@NullMarked
package com.parkingspots.realtime;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
