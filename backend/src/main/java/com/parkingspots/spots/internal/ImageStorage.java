package com.parkingspots.spots.internal;

import java.util.Optional;
import java.util.UUID;

/**
 * Where spot photos live. The default keeps them on local disk under the data directory and serves them under
 * {@code /media/spots/}; an S3-compatible store can implement this and return its own public URLs. Every stored photo
 * belongs to exactly one spot, named by its URL, and only that spot may list or delete it (docs/decisions/0009).
 */
public interface ImageStorage {

    /** Stores a sanitised photo of the spot and returns its public URL. */
    String store(UUID spotId, byte[] content, String extension);

    /**
     * The spot whose photo this URL names, when it is one of ours (an exact URL this storage hands out, as opposed to
     * an external link); empty for anything else, including near misses such as {@code ..} or encoded separators.
     */
    Optional<UUID> spotOf(String url);

    /** Whether the photo this URL names is stored. */
    boolean exists(String url);

    /** Removes a stored photo if it belongs to this spot; another spot's photo and external URLs are left alone. */
    void delete(UUID spotId, String url);

    /** Removes every stored photo of the spot. */
    void deleteAll(UUID spotId);
}
