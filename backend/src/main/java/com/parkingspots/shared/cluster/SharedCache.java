package com.parkingspots.shared.cluster;

import org.jspecify.annotations.Nullable;

/**
 * A second cache level shared by every instance (Redis), under each instance's own in-process cache: what one instance
 * computed, the others can serve without asking the database.
 *
 * <p>Entries are strings filed under a <em>generation</em> of their cache. {@link #invalidate} moves the cache to a new
 * generation, which makes every older entry unreachable at once (they expire on their own after a TTL). A caller looks
 * up, and on a miss computes the value and {@link #put}s it under the generation its lookup saw: a value computed while
 * an invalidation was committing is filed under the old generation and never served.
 *
 * <p>Without Redis, and while Redis is down, every lookup misses and writes are dropped: the local level carries on.
 */
public interface SharedCache {

    /** A lookup's answer: the generation it saw, and the value if one was filed under it. */
    record Lookup(long generation, @Nullable String value) {}

    Lookup get(String cache, String key);

    void put(String cache, long generation, String key, String value);

    /** Makes every entry of {@code cache} unreachable for every instance. */
    void invalidate(String cache);

    /** The single-process default: nothing is shared. */
    SharedCache NONE = new SharedCache() {
        @Override
        public Lookup get(String cache, String key) {
            return new Lookup(0, null);
        }

        @Override
        public void put(String cache, long generation, String key, String value) {}

        @Override
        public void invalidate(String cache) {}
    };
}
