package com.parkingspots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalUrlsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://cdn.example.com/a.jpg",
                "HTTPS://CDN.EXAMPLE.COM/A.JPG",
                "https://cdn.example.com:8443/photos/a.webp?w=200&h=100#top",
                "https://lh3.googleusercontent.com/a/ACg8ocJ=s96-c",
                "https://[2001:db8::1]/a.jpg",
                "https://example.com"
            })
    void acceptsAbsoluteHttpsUrlsWithAHost(String url) {
        assertThat(ExternalUrls.isHttps(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "javascript:alert(1)",
                "JAVASCRIPT:alert(1)",
                "javascript://https://example.com/%0aalert(1)",
                "\u0000javascript:alert(1)",
                "java\u0000script:alert(1)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "vbscript:msgbox(1)",
                "http://example.com/a.jpg",
                "ws://example.com/a",
                "//example.com/a.jpg",
                "/media/spots/x.jpg",
                "../a.jpg",
                "https:",
                "https://",
                "https:///a.jpg",
                "https:/example.com/a.jpg",
                "https:example.com",
                "https://user@example.com/a.jpg",
                "https://user:pass@example.com/a.jpg",
                "https://exa mple.com/a.jpg",
                "https://example.com/a b.jpg",
                "https://example.com/\ta.jpg",
                "https://example.com/a.jpg\r\nSet-Cookie: x=1",
                "https:\\\\example.com\\a.jpg",
                "https://example.com\\@evil.example/a.jpg",
                "https://example.com/\u2028a.jpg",
                "https://%zz/a.jpg"
            })
    void refusesEverythingElse(String url) {
        assertThat(ExternalUrls.isHttps(url)).as(url).isFalse();
    }
}
