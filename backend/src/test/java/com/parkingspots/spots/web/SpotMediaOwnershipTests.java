package com.parkingspots.spots.web;

import static com.parkingspots.spots.web.SpotImagesTests.png;
import static com.parkingspots.spots.web.SpotImagesTests.upload;
import static com.parkingspots.spots.web.SpotJson.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.shared.config.PlatformProperties;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A spot lists only its own uploaded photos or https: URLs, and removing an image deletes a file only when it is that
 * spot's (docs/decisions/0009). The attacks are the ones an owner of another spot can make with the public API.
 */
class SpotMediaOwnershipTests extends ApiTest {

    private static final String SPOTS = "/api/v1/parking-spots/";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformProperties platform;

    private record Listing(Api.Session owner, String id) {}

    private Listing listing() {
        var owner = api.signUp("owner");
        var created = http.post(SPOTS, with(), owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Listing(owner, created.json().get("id").asString());
    }

    private String photo(Listing listing) {
        var uploaded = upload(port, listing.id(), png(), listing.owner().auth());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        JsonNode images = uploaded.json().get("images");
        return images.get(images.size() - 1).asString();
    }

    private Http.Response setImages(Listing listing, List<String> images) {
        return http.send(
                "PUT",
                SPOTS + listing.id(),
                SpotJson.json(Map.of("images", images)),
                listing.owner().auth());
    }

    private Http.Response removeImage(Listing listing, String url) {
        return http.send(
                "DELETE",
                SPOTS + listing.id() + "/images?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8),
                null,
                listing.owner().auth());
    }

    private List<String> images(Listing listing) {
        List<String> urls = new java.util.ArrayList<>();
        http.get(SPOTS + listing.id()).json().get("images").forEach(n -> urls.add(n.asString()));
        return urls;
    }

    /** Writes a list straight into the table, as the API accepted before the rule (data from older versions). */
    private void storeRaw(Listing listing, List<String> images) {
        jdbc.sql("UPDATE parking_spots SET images = CAST(? AS jsonb) WHERE id = ?")
                .params(SpotJson.json(images), UUID.fromString(listing.id()))
                .update();
        // the detail cache must see the raw write: an update through the API invalidates it
        assertThat(http.send(
                                "PUT",
                                SPOTS + listing.id(),
                                "{\"title\":\"Raw write " + UUID.randomUUID() + "\"}",
                                listing.owner().auth())
                        .status())
                .isEqualTo(200);
    }

    private static void assertRefused(Http.Response response, int index, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode error = response.json().get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"images\"," + index + "]");
        assertThat(error.get("msg").asString()).contains(message);
    }

    @Test
    void anotherSpotsPhotoIsRefusedOnUpdateAndOnCreateAndItsFileSurvives() {
        Listing victim = listing();
        String victimsPhoto = photo(victim);
        Listing attacker = listing();

        assertRefused(
                setImages(attacker, List.of("https://cdn.example.com/mine.jpg", victimsPhoto)),
                1,
                "another parking spot");
        assertThat(images(attacker)).isEmpty();

        var created = http.post(
                SPOTS, with("images", List.of(victimsPhoto)), attacker.owner().auth());
        assertRefused(created, 0, "another parking spot");

        // not even an admin may point one spot at another's photo
        var admin = api.signUp("renter");
        jdbc.sql("UPDATE users SET role = 'admin' WHERE id = ?")
                .param(admin.id())
                .update();
        var byAdmin = http.send(
                "PUT", SPOTS + attacker.id(), SpotJson.json(Map.of("images", List.of(victimsPhoto))), admin.auth());
        assertRefused(byAdmin, 0, "another parking spot");

        assertThat(http.get(victimsPhoto).status()).isEqualTo(200);
        assertThat(images(victim)).containsExactly(victimsPhoto);
    }

    @Test
    void removingAnotherSpotsPhotoFromOnesOwnSpotNeverDeletesItsFile() {
        Listing victim = listing();
        String victimsPhoto = photo(victim);
        Listing attacker = listing();
        String attackersPhoto = photo(attacker);

        // as stored by an earlier version that accepted any string
        storeRaw(attacker, List.of(attackersPhoto, victimsPhoto));
        var removed = removeImage(attacker, victimsPhoto);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(images(attacker)).containsExactly(attackersPhoto);
        assertThat(http.get(victimsPhoto).status()).isEqualTo(200);

        storeRaw(attacker, List.of(attackersPhoto, victimsPhoto));
        assertThat(setImages(attacker, List.of()).status()).isEqualTo(200);
        assertThat(http.get(victimsPhoto).status()).isEqualTo(200);
        assertThat(http.get(attackersPhoto).status())
                .as("the spot's own dropped photo is deleted")
                .isEqualTo(404);

        storeRaw(attacker, List.of(victimsPhoto));
        assertThat(http.send(
                                "DELETE",
                                SPOTS + attacker.id(),
                                null,
                                attacker.owner().auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.get(victimsPhoto).status()).isEqualTo(200);
        assertThat(images(victim)).containsExactly(victimsPhoto);
    }

    @Test
    void ownPhotosCanBeReorderedAndDroppedButNotInventedOrListedTwice() {
        Listing listing = listing();
        String first = photo(listing);
        String second = photo(listing);

        assertThat(setImages(listing, List.of(second, first)).status()).isEqualTo(200);
        assertThat(images(listing)).containsExactly(second, first);

        String invented = "/media/spots/" + listing.id() + "/" + "0123456789abcdef".repeat(2) + ".jpg";
        assertRefused(setImages(listing, List.of(first, invented)), 1, "not a photo uploaded to this parking spot");
        assertRefused(setImages(listing, List.of(first, first)), 1, "listed more than once");
        assertThat(images(listing)).containsExactly(second, first);

        assertThat(setImages(listing, List.of(first, "https://cdn.example.com/outside.jpg"))
                        .status())
                .isEqualTo(200);
        assertThat(http.get(second).status()).isEqualTo(404);
        assertThat(http.get(first).status()).isEqualTo(200);
        // an external URL is unlisted, never deleted as a file
        assertThat(removeImage(listing, "https://cdn.example.com/outside.jpg").status())
                .isEqualTo(200);
        assertThat(images(listing)).containsExactly(first);
    }

    @Test
    void pathTricksNeverReachAnotherSpotsFiles() {
        Listing victim = listing();
        String victimsPhoto = photo(victim);
        String file = victimsPhoto.substring(victimsPhoto.lastIndexOf('/') + 1);
        Listing attacker = listing();
        String mine = "/media/spots/" + attacker.id() + "/";
        List<String> tricks = List.of(
                mine + "../" + victim.id() + "/" + file,
                mine + "..%2f" + victim.id() + "%2f" + file,
                mine + "%2e%2e/" + victim.id() + "/" + file,
                "/media/spots/" + victim.id().toUpperCase(Locale.ROOT) + "/" + file,
                "/media/spots/" + victim.id() + "//" + file,
                "/media/spots/" + victim.id() + "/" + file + "?v=1",
                "/media/spots/" + victim.id() + "/./" + file,
                "media/spots/" + victim.id() + "/" + file,
                "//localhost/media/spots/" + victim.id() + "/" + file,
                "/media/spots/" + victim.id() + "\\" + file);
        for (String trick : tricks) {
            var put = setImages(attacker, List.of(trick));
            assertThat(put.status()).as(trick).isEqualTo(422);
            assertThat(removeImage(attacker, trick).status()).as(trick).isEqualTo(404);
        }
        storeRaw(attacker, tricks);
        for (String trick : tricks) {
            assertThat(removeImage(attacker, trick).status()).as(trick).isEqualTo(200);
        }
        assertThat(http.get(victimsPhoto).status()).isEqualTo(200);
        assertThat(images(victim)).containsExactly(victimsPhoto);
    }

    @Test
    void mediaUrlsServeNothingOutsideTheMediaDirectory() throws IOException {
        Path secret = platform.dataDir().toAbsolutePath().resolve("private-" + UUID.randomUUID() + ".txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String name = secret.getFileName().toString();
        try {
            for (String path : List.of(
                    "/media/spots/../../" + name,
                    "/media/spots/%2e%2e/%2e%2e/" + name,
                    "/media/spots/..%2f..%2f" + name,
                    "/media/spots/%252e%252e/%252e%252e/" + name,
                    "/media/spots/..;/..;/" + name,
                    "/media/" + name)) {
                var response = http.get(path);
                assertThat(response.status()).as(path).isLessThan(500);
                assertThat(response.body()).as(path).doesNotContain("TOP-SECRET-CONTENT");
            }
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JaVaScRiPt:alert(document.cookie)",
                " javascript:alert(1)",
                "java\tscript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
                "vbscript:msgbox(1)",
                "http://cdn.example.com/a.jpg",
                "ftp://cdn.example.com/a.jpg",
                "file:///etc/passwd",
                "//cdn.example.com/a.jpg",
                "/etc/passwd",
                "photo.jpg",
                "https://",
                "https:///a.jpg",
                "https:cdn.example.com/a.jpg",
                "https://user:secret@cdn.example.com/a.jpg",
                "https://cdn.example.com/a b.jpg",
                "https:\\\\cdn.example.com\\a.jpg",
                "https://cdn.example.com/a.jpg\njavascript:alert(1)"
            })
    void nonHttpsUrlsAreRefusedOnCreateAndUpdate(String url) {
        Listing listing = listing();
        var created =
                http.post(SPOTS, with("images", List.of(url)), listing.owner().auth());
        assertRefused(created, 0, "must be an https: URL");
        assertRefused(setImages(listing, List.of("https://cdn.example.com/ok.jpg", url)), 1, "must be an https: URL");
        assertThat(images(listing)).isEmpty();
    }

    @Test
    void httpsUrlsAreAccepted() {
        Listing listing = listing();
        List<String> urls = List.of(
                "https://cdn.example.com/a.jpg",
                "HTTPS://cdn.example.com:8443/b.webp?w=200&h=100#top",
                "https://[::1]/c");
        var created = http.post(SPOTS, with("images", urls), listing.owner().auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(setImages(listing, urls).status()).isEqualTo(200);
        assertThat(images(listing)).containsExactlyElementsOf(urls);
    }
}
