package com.parkingspots.realtime.internal;

import java.util.List;

/** A map area as {@code [min_lon, min_lat, max_lon, max_lat]} (GeoJSON order). */
record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    static BoundingBox of(List<Double> values) {
        if (values.size() != 4) {
            throw new IllegalArgumentException("bbox must be [min_lon, min_lat, max_lon, max_lat]");
        }
        BoundingBox box = new BoundingBox(values.get(0), values.get(1), values.get(2), values.get(3));
        if (box.minLon < -180 || box.maxLon > 180 || box.minLat < -90 || box.maxLat > 90) {
            throw new IllegalArgumentException("bbox is outside longitude -180..180 or latitude -90..90");
        }
        if (box.minLon > box.maxLon || box.minLat > box.maxLat) {
            throw new IllegalArgumentException("bbox minimums must not exceed its maximums");
        }
        return box;
    }

    boolean contains(double latitude, double longitude) {
        return latitude >= minLat && latitude <= maxLat && longitude >= minLon && longitude <= maxLon;
    }

    List<Double> values() {
        return List.of(minLon, minLat, maxLon, maxLat);
    }
}
