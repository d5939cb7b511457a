package com.parkingspots.spots;

import java.util.UUID;

/** Rating aggregates shown on spots, recomputed by the reviews module in the transaction that changed a review. */
public interface SpotRatings {

    /** Takes a transaction-scoped lock on the spot's rating, so concurrent recomputations run one after the other. */
    void lockForUpdate(UUID spotId);

    void record(UUID spotId, double averageRating, int totalReviews);
}
