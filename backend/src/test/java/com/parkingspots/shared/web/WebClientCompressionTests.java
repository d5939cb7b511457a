package com.parkingspots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The web client's files go out as the brotli or gzip files made at build time when the browser accepts them, with
 * {@code Vary: Accept-Encoding}, hashed assets cached immutably (fixture: {@code static/assets/compression-test.js}).
 */
class WebClientCompressionTests extends ApiTest {

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void assetsAreSentPrecompressedAsTheBrowserAccepts() throws Exception {
        var plain = get("/assets/compression-test.js", null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        String text = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(plain.headers().firstValue("Cache-Control").orElse(""))
                .contains("max-age=31536000")
                .contains("immutable");

        var brotli = get("/assets/compression-test.js", "gzip, deflate, br");
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        assertThat(brotli.body().length).isLessThan(plain.body().length / 4);

        var gzip = get("/assets/compression-test.js", "gzip");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(gzip.body())).isEqualTo(text);
    }

    private static String gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
