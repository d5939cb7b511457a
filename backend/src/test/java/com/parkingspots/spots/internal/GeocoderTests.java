package com.parkingspots.spots.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The optional external geocoder, against a local stub that answers as Nominatim and Photon do. */
class GeocoderTests {

    private final WireMockServer stub =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @BeforeEach
    void start() {
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    private Geocoder geocoder(String flavour, Duration timeout) {
        return new Geocoder(
                new PlacesProperties("http://127.0.0.1:" + stub.port(), flavour, timeout),
                JsonMapper.builder().build());
    }

    @Test
    void nominatimAnswersAreReadAndKeptForTheSameText() {
        stub.stubFor(get(urlPathEqualTo("/search"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                [{"name":"Kerameikos","display_name":"Kerameikos, Athens, Greece",
                                  "lat":"37.978","lon":"23.716","address":{"city":"Athens"}}]""")));
        Geocoder geocoder = geocoder("nominatim", Duration.ofSeconds(2));
        var found = geocoder.search("Kerameikos", 5);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Kerameikos");
            assertThat(p.kind()).isEqualTo("place");
            assertThat(p.latitude()).isEqualTo(37.978);
        });
        assertThat(geocoder.search("kerameikos", 5)).hasSize(1);
        stub.verify(1, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void photonAnswersAreReadToo() {
        stub.stubFor(get(urlPathEqualTo("/api"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"features":[{"geometry":{"coordinates":[23.716,37.978]},
                                  "properties":{"name":"Kerameikos","city":"Athens"}}]}""")));
        var found = geocoder("photon", Duration.ofSeconds(2)).search("Kerameikos", 5);
        assertThat(found)
                .singleElement()
                .satisfies(p -> assertThat(p.longitude()).isEqualTo(23.716));
    }

    @Test
    void aSlowOrFailingGeocoderIsNoAnswerNotAnError() {
        stub.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withFixedDelay(2_000)));
        assertThat(geocoder("nominatim", Duration.ofMillis(200)).search("slow", 5))
                .isEmpty();
        stub.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(500)));
        assertThat(geocoder("nominatim", Duration.ofMillis(500)).search("broken", 5))
                .isEmpty();
        stub.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withBody("not json")));
        assertThat(geocoder("nominatim", Duration.ofMillis(500)).search("garbled", 5))
                .isEmpty();
    }
}
