package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** {@code PUT /users/me}: profile_image is an https: URL or nothing (docs/decisions/0009). */
class ProfileImageTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String body(String image) {
        return "{\"profile_image\": " + JSON.writeValueAsString(image) + "}";
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(document.cookie)",
                "JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "data:image/png;base64,iVBORw0KGgo=",
                "vbscript:msgbox(1)",
                "http://example.com/me.jpg",
                "//example.com/me.jpg",
                "/media/spots/00000000-0000-0000-0000-000000000000/" + "00000000000000000000000000000000.jpg",
                "me.jpg",
                "https://",
                "https://user:pw@example.com/me.jpg"
            })
    void nonHttpsProfileImagesAreRefusedAndNothingChanges(String image) {
        var user = api.signUp("renter");
        assertThat(http.send("PUT", "/api/v1/users/me", body("https://example.com/before.jpg"), user.auth())
                        .status())
                .isEqualTo(200);

        var refused = http.send("PUT", "/api/v1/users/me", body(image), user.auth());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        var error = refused.json().get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"profile_image\"]");
        assertThat(error.get("msg").asString()).isEqualTo("profile_image must be an https: URL");

        assertThat(http.get("/api/v1/users/me", user.auth())
                        .json()
                        .get("profile_image")
                        .asString())
                .isEqualTo("https://example.com/before.jpg");
    }

    @Test
    void httpsUrlsAreStoredAndBlankOrNullClearsThePicture() {
        var user = api.signUp("renter");
        var set =
                http.send("PUT", "/api/v1/users/me", body("  https://cdn.example.com/me.jpg?size=200  "), user.auth());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("profile_image").asString()).isEqualTo("https://cdn.example.com/me.jpg?size=200");
        assertThat(http.get("/api/v1/users/" + user.id())
                        .json()
                        .get("profile_image")
                        .asString())
                .isEqualTo("https://cdn.example.com/me.jpg?size=200");

        var blank = http.send("PUT", "/api/v1/users/me", body(""), user.auth());
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.json().get("profile_image").isNull()).isTrue();

        http.send("PUT", "/api/v1/users/me", body("https://cdn.example.com/me.jpg"), user.auth());
        var cleared = http.send("PUT", "/api/v1/users/me", "{\"profile_image\": null}", user.auth());
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("profile_image").isNull()).isTrue();
    }
}
