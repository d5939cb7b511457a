package com.parkingspots.shared.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key that signs tokens: {@code SECRET_KEY} when set; otherwise (development profile only, since the production
 * profile refuses to start without one) a strong random key generated once and kept in the data directory, so tokens
 * survive restarts.
 */
@Component
public class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final String FILE_NAME = "secret.key";

    private final byte[] signingKey;

    SecretKeys(PlatformProperties properties) {
        this.signingKey = properties.secretKey() != null
                ? properties.secretKey().getBytes(StandardCharsets.UTF_8)
                : loadOrGenerate(properties.dataDir().resolve(FILE_NAME));
        if (signingKey.length < PlatformProperties.MIN_SECRET_KEY_BYTES) {
            log.warn(
                    "SECRET_KEY is shorter than {} bytes: acceptable for development only",
                    PlatformProperties.MIN_SECRET_KEY_BYTES);
        }
    }

    /** The raw bytes of the signing key (a copy). */
    public byte[] signingKey() {
        return signingKey.clone();
    }

    static byte[] loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated a new SECRET_KEY in {} (set SECRET_KEY to use your own)", file.toAbsolutePath());
            return key.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read or create the secret key file " + file.toAbsolutePath()
                            + " (set SECRET_KEY or PARKINGSPOTS_DATA_DIR)",
                    e);
        }
    }
}
