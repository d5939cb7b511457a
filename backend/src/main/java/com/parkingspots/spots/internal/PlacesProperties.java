package com.parkingspots.spots.internal;

import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param geocoderUrl base URL of a Nominatim- or Photon-compatible geocoder asked when the gazetteer knows too few
 *     places for a text; unset (the default): none is ever called; {@code GEOCODER_URL}
 * @param geocoderFlavour {@code nominatim} ({@code /search?format=jsonv2}) or {@code photon} ({@code /api}); {@code
 *     GEOCODER_FLAVOUR}
 * @param geocoderTimeout how long a place search waits for it
 */
@Validated
@ConfigurationProperties("parkingspots.places")
public record PlacesProperties(
        @Nullable String geocoderUrl,

        @DefaultValue("nominatim") @Pattern(regexp = "nominatim|photon")
        String geocoderFlavour,

        @DefaultValue("1500ms") Duration geocoderTimeout) {

    public PlacesProperties {
        if (geocoderUrl != null && geocoderUrl.isBlank()) {
            geocoderUrl = null;
        }
        if (geocoderUrl != null) {
            URI uri = URI.create(geocoderUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("GEOCODER_URL must be an http(s) URL (was \"" + geocoderUrl + "\")");
            }
        }
    }
}
