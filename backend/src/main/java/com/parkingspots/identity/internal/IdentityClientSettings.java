package com.parkingspots.identity.internal;

import com.parkingspots.shared.web.ClientSettings;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Which sign-in providers the web client may offer. */
@Component
class IdentityClientSettings implements ClientSettings {

    private final IdentityProperties properties;

    IdentityClientSettings(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Map<String, Object> clientSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("google_client_id", properties.google().clientId());
        settings.put("facebook_app_id", properties.facebook().appId());
        return settings;
    }
}
