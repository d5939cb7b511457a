package com.parkingspots.spots.web;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies for spots: a valid spot, with any field replaced. */
final class SpotJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SpotJson() {}

    static Map<String, Object> valid() {
        Map<String, Object> spot = new LinkedHashMap<>();
        spot.put("title", "Covered garage on Ermou");
        spot.put("description", "Near Syntagma");
        spot.put("spot_type", "garage");
        spot.put("vehicle_size", "standard");
        spot.put("address", "Ermou 10, Syntagma");
        spot.put("city", "Athens");
        spot.put("prefecture", "Attica");
        spot.put("zip_code", "105 57");
        spot.put("latitude", 37.9755);
        spot.put("longitude", 23.7348);
        spot.put("hourly_rate", 400);
        spot.put("daily_rate", 2500);
        spot.put("is_covered", true);
        return spot;
    }

    static String with(Object... keyValues) {
        Map<String, Object> spot = valid();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] == Remove.FIELD) {
                spot.remove((String) keyValues[i]);
            } else {
                spot.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return JSON.writeValueAsString(spot);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    enum Remove {
        FIELD
    }
}
