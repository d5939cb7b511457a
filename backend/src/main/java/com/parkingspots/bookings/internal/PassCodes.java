package com.parkingspots.bookings.internal;

import com.parkingspots.shared.config.SecretKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The codes of parking passes (ADR 0011), both derived from the server's secret key so every instance agrees:
 *
 * <ul>
 *   <li>the <b>pass code</b>, 10 characters of Crockford base32 ({@code 7KQ2M-9XF4T}, 50 bits) of an HMAC-SHA256 of the
 *       booking id: short enough to read out or type at a gate, unguessable, always the same for a booking, checked
 *       online ({@code POST /parking-spots/{id}/passes/verify});
 *   <li>the <b>QR text</b> {@code PS1.<payload>.<signature>}: the code, booking, spot and validity signed with Ed25519,
 *       so a gate can check it offline against the published public key ({@code GET /passes/public-key}).
 * </ul>
 */
@Component
class PassCodes {

    static final String TOKEN_PREFIX = "PS1.";
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 10;
    private static final int PAYLOAD_LENGTH = CODE_LENGTH + 16 + 16 + 8 + 8;

    /** What a valid QR text says. */
    record Signed(String code, UUID bookingId, UUID spotId, Instant validFrom, Instant validUntil) {}

    private final byte[] macKey;
    private final PrivateKey signingKey;
    private final PublicKey verifyingKey;

    PassCodes(SecretKeys keys) {
        byte[] secret = keys.signingKey();
        this.macKey = hmac(secret, "parkingspots pass code v1".getBytes(StandardCharsets.UTF_8));
        KeyPair pair = ed25519(hmac(secret, "parkingspots pass signature v1".getBytes(StandardCharsets.UTF_8)));
        this.signingKey = pair.getPrivate();
        this.verifyingKey = pair.getPublic();
    }

    /** The booking's pass code, grouped {@code XXXXX-XXXXX}. */
    String code(UUID bookingId) {
        byte[] mac = hmac(macKey, bytes(bookingId));
        long bits = ByteBuffer.wrap(mac).getLong() >>> (64 - 5 * CODE_LENGTH);
        char[] code = new char[CODE_LENGTH];
        for (int i = CODE_LENGTH - 1; i >= 0; i--) {
            code[i] = CROCKFORD[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(code, 0, 5) + "-" + new String(code, 5, 5);
    }

    /**
     * A code as typed: case, spaces and hyphens do not matter, and the letters Crockford reads as digits (O, I, L) are
     * read so. Null when it cannot be a pass code.
     */
    static @Nullable String normalise(String typed) {
        String compact = typed.strip()
                .toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        if (compact.length() != CODE_LENGTH) {
            return null;
        }
        for (char c : compact.toCharArray()) {
            if (Arrays.binarySearch(CROCKFORD, c) < 0) {
                return null;
            }
        }
        return compact.substring(0, 5) + "-" + compact.substring(5);
    }

    /** The signed QR text of a pass. */
    String token(String code, UUID bookingId, UUID spotId, Instant validFrom, Instant validUntil) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_LENGTH);
        payload.put(code.replace("-", "").getBytes(StandardCharsets.US_ASCII));
        payload.put(bytes(bookingId)).put(bytes(spotId));
        payload.putLong(validFrom.getEpochSecond()).putLong(validUntil.getEpochSecond());
        byte[] body = payload.array();
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(signingKey);
            signer.update(body);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return TOKEN_PREFIX + b64.encodeToString(body) + "." + b64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** The QR text's claims when its signature is ours; empty for anything else. */
    Optional<Signed> verify(String token) {
        if (!token.startsWith(TOKEN_PREFIX) || token.length() > 400) {
            return Optional.empty();
        }
        String[] parts = token.substring(TOKEN_PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            byte[] body = b64.decode(parts[0]);
            byte[] signature = b64.decode(parts[1]);
            if (body.length != PAYLOAD_LENGTH) {
                return Optional.empty();
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(verifyingKey);
            verifier.update(body);
            if (!verifier.verify(signature)) {
                return Optional.empty();
            }
            ByteBuffer read = ByteBuffer.wrap(body);
            byte[] code = new byte[CODE_LENGTH];
            read.get(code);
            UUID booking = new UUID(read.getLong(), read.getLong());
            UUID spot = new UUID(read.getLong(), read.getLong());
            String text = new String(code, StandardCharsets.US_ASCII);
            return Optional.of(new Signed(
                    text.substring(0, 5) + "-" + text.substring(5),
                    booking,
                    spot,
                    Instant.ofEpochSecond(read.getLong()),
                    Instant.ofEpochSecond(read.getLong())));
        } catch (IllegalArgumentException | GeneralSecurityException malformed) {
            return Optional.empty();
        }
    }

    /** The Ed25519 public key as a JSON Web Key (RFC 8037), for gates that check passes offline. */
    java.util.Map<String, String> publicJwk() {
        byte[] spki = verifyingKey.getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return java.util.Map.of(
                "kty", "OKP", "crv", "Ed25519", "alg", "EdDSA", "use", "sig", "kid", keyId(raw), "x", x);
    }

    PublicKey publicKey() {
        return verifyingKey;
    }

    static PublicKey publicKeyFromJwkX(String x) throws GeneralSecurityException {
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] raw = Base64.getUrlDecoder().decode(x);
        byte[] spki = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, spki, prefix.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    private static String keyId(byte[] raw) {
        byte[] digest = hmac(raw, "kid".getBytes(StandardCharsets.UTF_8));
        return "pass-" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 6));
    }

    /**
     * The Ed25519 key pair whose private key is {@code seed}: the JDK's generator draws the 32 private-key bytes from
     * the random source it is given, so a source that hands out the seed makes it deterministic.
     */
    private static KeyPair ed25519(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(Arrays.copyOf(seed, 32)));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private static final class SeedSource extends SecureRandom {
        private final byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected key size " + bytes.length);
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
