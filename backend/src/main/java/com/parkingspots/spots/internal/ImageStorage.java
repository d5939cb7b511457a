package com.parkingspots.spots.internal;

import java.util.UUID;

/**
 * Where spot photos live. The default keeps them on local disk under the data directory and serves them under
 * {@code /media/spots/}; an S3-compatible store can implement this and return its own public URLs.
 */
public interface ImageStorage {

    /** Stores a sanitised photo of the spot and returns its public URL. */
    String store(UUID spotId, byte[] content, String extension);

    /** Whether this URL is one of ours (an image the storage holds, as opposed to an external link). */
    boolean owns(String url);

    /** Removes a stored photo; unknown URLs are ignored. */
    void delete(String url);

    /** Removes every stored photo of the spot. */
    void deleteAll(UUID spotId);
}
