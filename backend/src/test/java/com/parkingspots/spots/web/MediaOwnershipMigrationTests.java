package com.parkingspots.spots.web;

import static com.parkingspots.spots.web.SpotJson.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The V8 migrations clean what earlier versions stored and the API now refuses: a spot keeps only its own photos and
 * https: URLs (in order), a user's profile_image only an https: URL. Run here against rows written as those versions
 * did, on the real schema.
 */
class MediaOwnershipMigrationTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    private void migrate(String script) throws IOException {
        String sql = new ClassPathResource("db/migration/" + script).getContentAsString(StandardCharsets.UTF_8);
        String withoutComments = Arrays.stream(sql.split("\n"))
                .filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        for (String statement : withoutComments.split(";")) {
            if (statement.strip().startsWith("WITH") || statement.strip().startsWith("UPDATE")) {
                jdbc.sql(statement).update();
            }
        }
    }

    private UUID spot() {
        var owner = api.signUp("owner");
        var created = http.post("/api/v1/parking-spots/", with(), owner.auth());
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private void storeImages(UUID spot, List<String> images) {
        jdbc.sql("UPDATE parking_spots SET images = CAST(? AS jsonb) WHERE id = ?")
                .params(JSON.writeValueAsString(images), spot)
                .update();
    }

    private String images(UUID spot) {
        return jdbc.sql("SELECT images::text FROM parking_spots WHERE id = ?")
                .param(spot)
                .query(String.class)
                .single();
    }

    @Test
    void spotsKeepOnlyTheirOwnPhotosAndHttpsUrlsInOrder() throws IOException {
        UUID spot = spot();
        UUID other = spot();
        String own = "/media/spots/" + spot + "/" + "ab".repeat(16) + ".jpg";
        String ownWebp = "/media/spots/" + spot + "/" + "cd".repeat(16) + ".webp";
        String foreign = "/media/spots/" + other + "/" + "ef".repeat(16) + ".jpg";
        storeImages(
                spot,
                List.of(
                        "javascript:alert(1)",
                        own,
                        foreign,
                        "https://cdn.example.com/a.jpg",
                        "http://cdn.example.com/b.jpg",
                        "data:text/html,<script>alert(1)</script>",
                        "/media/spots/" + spot + "/../" + other + "/" + "ef".repeat(16) + ".jpg",
                        "https://user:pw@cdn.example.com/c.jpg",
                        ownWebp));
        storeImages(other, List.of(foreign));
        UUID untouched = spot();
        storeImages(untouched, List.of());

        migrate("V8__spots_media_ownership.sql");

        assertThat(images(spot))
                .isEqualTo(JSON.writeValueAsString(List.of(own, "https://cdn.example.com/a.jpg", ownWebp))
                        .replace(",", ", "));
        assertThat(images(other)).isEqualTo(JSON.writeValueAsString(List.of(foreign)));
        assertThat(images(untouched)).isEqualTo("[]");
    }

    @Test
    void profileImagesThatAreNotHttpsUrlsAreCleared() throws IOException {
        var script = api.signUp("renter");
        var http = api.signUp("renter");
        var https = api.signUp("renter");
        jdbc.sql("UPDATE users SET profile_image = 'javascript:alert(1)' WHERE id = ?")
                .param(script.id())
                .update();
        jdbc.sql("UPDATE users SET profile_image = 'http://example.com/me.jpg' WHERE id = ?")
                .param(http.id())
                .update();
        jdbc.sql("UPDATE users SET profile_image = 'https://example.com/me.jpg' WHERE id = ?")
                .param(https.id())
                .update();

        migrate("V8_1__identity_profile_images_and_housekeeping.sql");

        for (var cleared : List.of(script, http)) {
            assertThat(jdbc.sql("SELECT profile_image FROM users WHERE id = ?")
                            .param(cleared.id())
                            .query(String.class)
                            .optional())
                    .isEmpty();
        }
        assertThat(jdbc.sql("SELECT profile_image FROM users WHERE id = ?")
                        .param(https.id())
                        .query(String.class)
                        .single())
                .isEqualTo("https://example.com/me.jpg");
    }
}
