package com.parkingspots.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/config}: what the web client should know at run time, gathered from every module. */
@RestController
class ClientConfigController {

    private final List<ClientSettings> contributors;
    private final @Nullable String tileUrl;
    private final @Nullable String tileAttribution;

    ClientConfigController(
            List<ClientSettings> contributors,
            @Value("${parkingspots.map.tile-url:}") @Nullable String tileUrl,
            @Value("${parkingspots.map.tile-attribution:}") @Nullable String tileAttribution) {
        this.contributors = contributors;
        this.tileUrl = tileUrl == null || tileUrl.isBlank() ? null : tileUrl;
        this.tileAttribution = tileAttribution == null || tileAttribution.isBlank() ? null : tileAttribution;
    }

    @GetMapping("/api/v1/config")
    Map<String, Object> config() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tile_url", tileUrl);
        settings.put("tile_attribution", tileAttribution);
        contributors.forEach(contributor -> settings.putAll(contributor.clientSettings()));
        return settings;
    }
}
