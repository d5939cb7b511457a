/**
 * What several instances of the application share, with an in-process default for the single-process run: the
 * instance's role ({@code PARKINGSPOTS_ROLE}), a topic bus for events that must reach every instance, cache invalidation
 * broadcasts and fixed-window counters. With {@code REDIS_URL} set, {@code shared.redis} supplies Redis-backed
 * implementations of the same interfaces (docs/decisions/0007-events-across-instances.md).
 */
@NullMarked
package com.parkingspots.shared.cluster;

import org.jspecify.annotations.NullMarked;
