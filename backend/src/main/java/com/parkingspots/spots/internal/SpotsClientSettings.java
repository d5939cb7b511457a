package com.parkingspots.spots.internal;

import com.parkingspots.shared.web.ClientSettings;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The currency and time zone new listings get unless the owner picks others. */
@Component
class SpotsClientSettings implements ClientSettings {

    private final SpotsProperties properties;

    SpotsClientSettings(SpotsProperties properties) {
        this.properties = properties;
    }

    @Override
    public Map<String, Object> clientSettings() {
        return Map.of(
                "default_currency", properties.defaultCurrency(),
                "default_time_zone", properties.defaultTimeZone());
    }
}
