package com.parkingspots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormUrlEncodedTests {

    @Test
    void decodesWellFormedUtf8AsTomcatWould() throws Exception {
        assertThat(FormUrlEncoded.decode("q=caf%C3%A9+bar&city=Z%C3%BCrich&empty=&flag&&x=%F0%9F%9A%97"))
                .containsExactly(
                        new FormUrlEncoded.Parameter("q", "café bar"),
                        new FormUrlEncoded.Parameter("city", "Zürich"),
                        new FormUrlEncoded.Parameter("empty", ""),
                        new FormUrlEncoded.Parameter("flag", ""),
                        new FormUrlEncoded.Parameter("x", "🚗"));
        // raw UTF-8 bytes, handed over one char per byte
        assertThat(FormUrlEncoded.decode("q=caf\u00c3\u00a9"))
                .containsExactly(new FormUrlEncoded.Parameter("q", "café"));
        assertThat(FormUrlEncoded.decode("a=%00")).containsExactly(new FormUrlEncoded.Parameter("a", "\u0000"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a=%FF",
                "a=%ED%A0%80",
                "a=%C3",
                "a=%C0%AE",
                "a=%F8%88%80%80%80",
                "a=%zz",
                "a=%",
                "a=%4",
                "%FF=1",
                "a=\u00ff"
            })
    void refusesWhatIsNotPercentEncodedUtf8(String query) {
        assertThatThrownBy(() -> FormUrlEncoded.decode(query)).isInstanceOf(FormUrlEncoded.MalformedException.class);
    }

    @Test
    void checksPathParametersOfARawPath() {
        for (String ok : List.of("/api/v1/users/1;a=b", "/api/v1/x;%3B", "/a+b;c=%C3%A9")) {
            assertThat(FormUrlEncoded.isWellFormedPath(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("/api/v1/users/1;%2", "/x;a=%zz", "/x;%FF")) {
            assertThat(FormUrlEncoded.isWellFormedPath(bad)).as(bad).isFalse();
        }
    }
}
