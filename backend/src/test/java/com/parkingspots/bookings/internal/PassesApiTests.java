package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ADR 0011: the parking pass of a booking and the owner's check of it, over real HTTP. */
class PassesApiTests extends ApiTest {

    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

    private JsonNode book(Api.Session driver, UUID spot, Instant start, Instant end) {
        var response = http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\",\"vehicle_plate\":\"PASS42\"}"
                        .formatted(spot, start, end),
                driver.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private Http.Response verify(Api.Session who, UUID spot, String code) {
        return http.post(
                "/api/v1/parking-spots/" + spot + "/passes/verify", "{\"code\":\"%s\"}".formatted(code), who.auth());
    }

    private JsonNode pass(Api.Session who, String bookingId) {
        var response = http.get("/api/v1/bookings/" + bookingId + "/pass", who.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void thePassCarriesACodeAQrCodeOfItsSignedTextAndWhatTheDriverNeedsAtTheGate() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"access_instructions\": \"Gate code 1234, level -2\"");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(3, ChronoUnit.DAYS);
        String id = book(driver, spot, start, start.plus(2, ChronoUnit.HOURS))
                .get("id")
                .asString();

        var pass = pass(driver, id);
        assertThat(pass.get("booking_id").asString()).isEqualTo(id);
        assertThat(pass.get("code").asString()).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(pass.get("valid_from").asString())
                .isEqualTo(start.minus(15, ChronoUnit.MINUTES).toString());
        assertThat(pass.get("valid_until").asString())
                .isEqualTo(start.plus(2, ChronoUnit.HOURS).toString());
        assertThat(pass.get("vehicle_plate").asString()).isEqualTo("PASS42");
        assertThat(pass.get("spot").get("access_instructions").asString()).isEqualTo("Gate code 1234, level -2");
        assertThat(pass.get("spot").get("latitude").asDouble()).isEqualTo(40.6326);
        assertThat(pass.get("spot").get("title").asString()).startsWith("Test spot");
        // the same code every time, for the booker and the owner alike
        assertThat(pass(owner, id).get("code").asString())
                .isEqualTo(pass.get("code").asString());

        // the SVG is a real QR code of the signed text: decode it back with ZXing's reader
        String svg = pass.get("qr_svg").asString();
        assertThat(svg).startsWith("<svg").doesNotContain("<script").doesNotContain("style=");
        assertThat(decode(svg)).isEqualTo(pass.get("qr_text").asString());

        // the text is checkable offline with the published key
        var jwk = http.get("/api/v1/passes/public-key").json();
        assertThat(jwk.get("kty").asString()).isEqualTo("OKP");
        assertThat(jwk.get("crv").asString()).isEqualTo("Ed25519");
        String[] parts = pass.get("qr_text").asString().substring(4).split("\\.");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(PassCodes.publicKeyFromJwkX(jwk.get("x").asString()));
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        verifier.update(payload);
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[1]))).isTrue();
        assertThat(new String(payload, 0, 10, StandardCharsets.US_ASCII))
                .isEqualTo(pass.get("code").asString().replace("-", ""));
    }

    @Test
    void theOwnerChecksAPassAndLearnsWhyItIsNotValid() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        UUID otherSpot = api.createSpot(owner, "");
        Instant soon = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(5, ChronoUnit.MINUTES);
        String now = book(driver, spot, soon, soon.plus(1, ChronoUnit.HOURS))
                .get("id")
                .asString();
        Instant later = soon.plus(2, ChronoUnit.DAYS);
        String future = book(driver, spot, later, later.plus(1, ChronoUnit.HOURS))
                .get("id")
                .asString();
        String elsewhere = book(driver, otherSpot, later, later.plus(1, ChronoUnit.HOURS))
                .get("id")
                .asString();
        var pass = pass(driver, now);

        var valid =
                verify(owner, spot, pass.get("code").asString().toLowerCase().replace("-", " "));
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.json().get("valid").asBoolean()).isTrue();
        assertThat(valid.json().get("booking_id").asString()).isEqualTo(now);
        assertThat(valid.json().get("vehicle_plate").asString()).isEqualTo("PASS42");
        assertThat(valid.json().get("reason").isNull()).isTrue();
        var scanned = verify(owner, spot, pass.get("qr_text").asString());
        assertThat(scanned.json().get("valid").asBoolean()).isTrue();

        var notYet = verify(owner, spot, pass(driver, future).get("code").asString());
        assertThat(notYet.json().get("valid").asBoolean()).isFalse();
        assertThat(notYet.json().get("reason").asString()).isEqualTo("not_started");

        var wrongSpot = verify(owner, spot, pass(driver, elsewhere).get("code").asString());
        assertThat(wrongSpot.json().get("reason").asString()).isEqualTo("not_this_spot");
        assertThat(wrongSpot.json().get("booking_id").isNull())
                .as("nothing about a booking of another spot")
                .isTrue();
        assertThat(wrongSpot.json().get("vehicle_plate").isNull()).isTrue();

        assertThat(verify(owner, spot, "ZZZZZ-ZZZZZ").json().get("reason").asString())
                .isEqualTo("unknown");
        assertThat(verify(owner, spot, "not a code at all").json().get("reason").asString())
                .isEqualTo("unknown");
        String forged = pass.get("qr_text").asString();
        forged = forged.substring(0, forged.length() - 3) + (forged.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(verify(owner, spot, forged).json().get("reason").asString()).isEqualTo("unknown");

        String futureCode = pass(driver, future).get("code").asString();
        assertThat(http.post("/api/v1/bookings/" + future + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);
        assertThat(verify(owner, spot, futureCode).json().get("reason").asString())
                .isEqualTo("cancelled");

        assertThat(http.post("/api/v1/bookings/" + now + "/check-in", "", driver.auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/bookings/" + now + "/check-out", "", driver.auth())
                        .status())
                .isEqualTo(200);
        assertThat(verify(owner, spot, pass.get("code").asString())
                        .json()
                        .get("reason")
                        .asString())
                .isEqualTo("ended");
    }

    @Test
    void onlyTheBookingsPeopleSeeThePassAndOnlyTheSpotsOwnerChecksIt() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var stranger = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(4, ChronoUnit.DAYS);
        String id = book(driver, spot, start, start.plus(1, ChronoUnit.HOURS))
                .get("id")
                .asString();
        String code = pass(driver, id).get("code").asString();

        var seen = http.get("/api/v1/bookings/" + id + "/pass", stranger.auth());
        assertThat(seen.status()).isEqualTo(403);
        assertThat(seen.body()).doesNotContain(code);
        assertThat(http.get("/api/v1/bookings/" + id + "/pass").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/bookings/" + UUID.randomUUID() + "/pass", driver.auth())
                        .status())
                .isEqualTo(404);

        for (var who : new Api.Session[] {stranger, driver}) {
            var denied = verify(who, spot, code);
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().get("detail").asString()).isEqualTo("Not authorized");
        }
        assertThat(verify(owner, UUID.randomUUID(), code).status()).isEqualTo(404);
        var empty = http.post("/api/v1/parking-spots/" + spot + "/passes/verify", "{}", owner.auth());
        assertThat(empty.status()).isEqualTo(422);

        assertThat(http.post("/api/v1/bookings/" + id + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);
        var gone = http.get("/api/v1/bookings/" + id + "/pass", driver.auth());
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.json().get("detail").asString()).isEqualTo("This booking has no valid pass (it is cancelled)");
    }

    /** Rasterises the SVG's unit squares and reads the QR code back. */
    private static String decode(String svg) throws Exception {
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1));
        int scale = 4;
        int width = modules * scale;
        int[] pixels = new int[width * width];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher m = MODULE.matcher(svg);
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * width + x * scale + dx] = 0xFF000000;
                }
            }
        }
        LuminanceSource source = new RGBLuminanceSource(width, width, pixels);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
    }
}
