package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.parkingspots.shared.config.SecretKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pass codes and signed QR texts (ADR 0011), without Spring. */
class PassCodesTests {

    private static PassCodes codes(String secret) {
        SecretKeys keys = mock(SecretKeys.class);
        when(keys.signingKey()).thenReturn(secret.getBytes(StandardCharsets.UTF_8));
        return new PassCodes(keys);
    }

    @Test
    void everyInstanceWithTheSameSecretMakesTheSameCodesAndKey() {
        PassCodes one = codes("a-secret-key-of-at-least-32-bytes-long!!");
        PassCodes two = codes("a-secret-key-of-at-least-32-bytes-long!!");
        PassCodes other = codes("another-secret-key-of-32-bytes-or-more!!");
        UUID booking = UUID.randomUUID();
        assertThat(one.code(booking)).isEqualTo(two.code(booking)).isNotEqualTo(other.code(booking));
        assertThat(one.publicJwk()).isEqualTo(two.publicJwk()).isNotEqualTo(other.publicJwk());
        String token = one.token(one.code(booking), booking, UUID.randomUUID(), Instant.EPOCH, Instant.now());
        assertThat(two.verify(token)).isPresent();
        assertThat(other.verify(token))
                .as("another secret's key does not accept it")
                .isEmpty();
    }

    @Test
    void codesAreTenCrockfordCharactersAndRarelyCollide() {
        PassCodes codes = codes("a-secret-key-of-at-least-32-bytes-long!!");
        Random random = new Random(16);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String code = codes.code(new UUID(random.nextLong(), random.nextLong()));
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
            seen.add(code);
        }
        assertThat(seen).hasSize(20_000);
    }

    @Test
    void typedCodesAreReadForgivingly() {
        assertThat(PassCodes.normalise(" 7kq2m 9xf4t ")).isEqualTo("7KQ2M-9XF4T");
        assertThat(PassCodes.normalise("7KQ2M-9XF4T")).isEqualTo("7KQ2M-9XF4T");
        assertThat(PassCodes.normalise("OIL2M-9XF4T")).isEqualTo("0112M-9XF4T");
        assertThat(PassCodes.normalise("7KQ2M-9XF4")).isNull();
        assertThat(PassCodes.normalise("7KQ2M-9XF4U")).as("U is not Crockford").isNull();
        assertThat(PassCodes.normalise("")).isNull();
    }

    @Test
    void aTamperedQrTextIsRefused() {
        PassCodes codes = codes("a-secret-key-of-at-least-32-bytes-long!!");
        UUID booking = UUID.randomUUID();
        UUID spot = UUID.randomUUID();
        Instant from = Instant.parse("2030-01-01T10:00:00Z");
        String token = codes.token(codes.code(booking), booking, spot, from, from.plusSeconds(3600));
        var signed = codes.verify(token).orElseThrow();
        assertThat(signed.bookingId()).isEqualTo(booking);
        assertThat(signed.spotId()).isEqualTo(spot);
        assertThat(signed.validFrom()).isEqualTo(from);
        assertThat(signed.code()).isEqualTo(codes.code(booking));
        char[] chars = token.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThat(codes.verify(new String(chars))).isEmpty();
        assertThat(codes.verify("PS1.x.y")).isEmpty();
        assertThat(codes.verify("PS1.")).isEmpty();
        assertThat(codes.verify("nonsense")).isEmpty();
    }
}
