package com.parkingspots.spots.web;

import static com.parkingspots.spots.web.SpotJson.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Photos: checked by content, stripped of metadata, stored on disk and served under /media. */
class SpotImagesTests extends ApiTest {

    private static final String SECRET = "GPS-SECRET-37.9755";

    static Http.Response upload(int port, String spotId, byte[] content, String... auth) {
        String boundary = "----spots" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\""
                        + "\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/parking-spots/" + spotId + "/images"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        for (int i = 0; i + 1 < auth.length; i += 2) {
            request.header(auth[i], auth[i + 1]);
        }
        return send(request.build());
    }

    static Http.Response send(HttpRequest request) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    byte[] download(String path) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, 0xff000000 | (x * 4) << 16 | (y * 5) << 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(format.equals("png") ? image : toRgb(image), format, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage toRgb(BufferedImage argb) {
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(argb, 0, 0, null);
        return rgb;
    }

    /** A PNG with a tEXt chunk carrying a "GPS position" (inserted before IEND). */
    static byte[] png() {
        byte[] png = encode("png");
        byte[] text = ("Comment\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + text.length);
        chunk.putInt(text.length)
                .put("tEXt".getBytes(StandardCharsets.US_ASCII))
                .put(text)
                .putInt(0);
        int iend = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        out.writeBytes(chunk.array());
        out.write(png, iend, 12);
        return out.toByteArray();
    }

    /** A JPEG with an EXIF (APP1) segment right after SOI. */
    static byte[] jpegWithExif() {
        byte[] jpeg = encode("jpg");
        byte[] exif = ("Exif\0\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(0xe1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xff);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A WebP container: VP8X (EXIF flag set), a VP8L image chunk and an EXIF chunk. */
    static byte[] webpWithExif() {
        List<byte[]> chunks = new ArrayList<>();
        chunks.add(chunk("VP8X", new byte[] {0x08, 0, 0, 0, 63, 0, 0, 47, 0, 0}));
        chunks.add(chunk("VP8L", new byte[] {0x2f, 0, 0, 0, 0, 0, 0, 0}));
        chunks.add(chunk("EXIF", SECRET.getBytes(StandardCharsets.US_ASCII)));
        int size = 4 + chunks.stream().mapToInt(c -> c.length).sum();
        ByteBuffer out = ByteBuffer.allocate(8 + size).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(size)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII));
        chunks.forEach(out::put);
        return out.array();
    }

    private static byte[] chunk(String fourcc, byte[] data) {
        int padded = data.length + (data.length & 1);
        ByteBuffer chunk = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(fourcc.getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length)
                .put(data);
        return chunk.array();
    }

    String newSpot(com.parkingspots.support.Api.Session owner) {
        var created = http.post("/api/v1/parking-spots/", with(), owner.auth());
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void pngAndJpegAreReencodedWithoutMetadataAndServedWithLongCacheHeaders() {
        var owner = api.signUp("owner");
        String id = newSpot(owner);
        for (byte[] image : List.of(png(), jpegWithExif())) {
            assertThat(new String(image, StandardCharsets.ISO_8859_1)).contains(SECRET);
            var response = upload(port, id, image, owner.auth());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        var spot = http.get("/api/v1/parking-spots/" + id).json();
        assertThat(spot.get("images").size()).isEqualTo(2);
        for (var url : spot.get("images")) {
            assertThat(url.asString()).startsWith("/media/spots/" + id + "/").endsWith(".jpg");
            var served = http.get(url.asString());
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(served.header("Cache-Control")).contains("max-age=31536000");
            assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
            byte[] bytes = download(url.asString());
            assertThat(bytes[0] & 0xff).isEqualTo(0xff);
            assertThat(bytes[1] & 0xff).isEqualTo(0xd8);
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        }
    }

    @Test
    void webpIsAcceptedWithoutItsExifChunk() {
        var owner = api.signUp("owner");
        String id = newSpot(owner);
        var response = upload(port, id, webpWithExif(), owner.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String url = response.json().get("images").get(0).asString();
        assertThat(url).endsWith(".webp");
        String stored = new String(download(url), StandardCharsets.ISO_8859_1);
        assertThat(stored)
                .startsWith("RIFF")
                .contains("WEBPVP8X")
                .contains("VP8L")
                .doesNotContain(SECRET);
        assertThat(stored).doesNotContain("EXIF");
    }

    @Test
    void filesThatAreNotImagesOrTooLargeAreRefusedWithAClearDetail() {
        var owner = api.signUp("owner");
        String id = newSpot(owner);
        var text = upload(port, id, "just some text, named photo.jpg".getBytes(StandardCharsets.UTF_8), owner.auth());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("detail").asString()).isEqualTo("File is not a JPEG, PNG or WebP image");
        byte[] damaged = new byte[2000];
        damaged[0] = (byte) 0xff;
        damaged[1] = (byte) 0xd8;
        damaged[2] = (byte) 0xff;
        var broken = upload(port, id, damaged, owner.auth());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).startsWith("Image could not be decoded");
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(encode("jpg"), 0, big, 0, 100);
        var tooLarge = upload(port, id, big, owner.auth());
        // refused at the photo limit before the upload is read (shared.web's request limits)
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asString()).isEqualTo("File too large: at most 5 MB");
        var notMultipart = http.post("/api/v1/parking-spots/" + id + "/images", "{}", owner.auth());
        assertThat(notMultipart.status()).isIn(400, 415, 422);
        assertThat(http.get("/api/v1/parking-spots/" + id).json().get("images").size())
                .isZero();
    }

    @Test
    void aSpotCarriesAtMostTenImages() {
        var owner = api.signUp("owner");
        String id = newSpot(owner);
        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add("https://cdn.example.com/" + i + ".jpg");
        }
        assertThat(http.send(
                                "PUT",
                                "/api/v1/parking-spots/" + id,
                                SpotJson.json(java.util.Map.of("images", ten)),
                                owner.auth())
                        .status())
                .isEqualTo(200);
        var eleventh = upload(port, id, png(), owner.auth());
        assertThat(eleventh.status()).isEqualTo(400);
        assertThat(eleventh.json().get("detail").asString()).contains("at most 10 images");
    }

    @Test
    void deletingAnImageOrItsSpotRemovesTheFile() {
        var owner = api.signUp("owner");
        String id = newSpot(owner);
        String first = upload(port, id, png(), owner.auth())
                .json()
                .get("images")
                .get(0)
                .asString();
        String second = upload(port, id, png(), owner.auth())
                .json()
                .get("images")
                .get(1)
                .asString();
        var removed = http.send("DELETE", "/api/v1/parking-spots/" + id + "/images?url=" + first, null, owner.auth());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("images").size()).isEqualTo(1);
        assertThat(http.get(first).status()).isEqualTo(404);
        var unknown = http.send("DELETE", "/api/v1/parking-spots/" + id + "/images?url=" + first, null, owner.auth());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(http.get(second).status()).isEqualTo(200);
        assertThat(http.send("DELETE", "/api/v1/parking-spots/" + id, null, owner.auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.get(second).status()).isEqualTo(404);
    }
}
