package com.parkingspots.shared.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Process-wide settings, read from the environment (see README, "Configuration"). Validated when bound: a bad value
 * stops start-up with a message that says which variable to set.
 *
 * @param profile {@code dev} (embedded defaults) or {@code prod} (refuses unsafe defaults); {@code PARKINGSPOTS_PROFILE}
 * @param dataDir where the embedded database, the generated secret key and uploads live; {@code PARKINGSPOTS_DATA_DIR}
 * @param databaseUrl external PostgreSQL; empty means embedded; {@code DATABASE_URL}
 * @param secretKey HS256 signing key; {@code SECRET_KEY}
 * @param corsOrigins allowed browser origins, comma-separated or a JSON list; {@code BACKEND_CORS_ORIGINS}
 * @param embeddedDatabase settings of the embedded PostgreSQL
 */
@ConfigurationProperties("parkingspots")
public record PlatformProperties(
        @DefaultValue("dev") Profile profile,
        @DefaultValue("./data") Path dataDir,
        @Nullable String databaseUrl,
        @Nullable String secretKey,

        @DefaultValue("http://localhost:3000,http://localhost:8000,http://localhost:19006")
        String corsOrigins,

        @DefaultValue EmbeddedDatabase embeddedDatabase) {

    public static final int MIN_SECRET_KEY_BYTES = 32;

    public enum Profile {
        DEV,
        PROD
    }

    /**
     * @param durable fsync and synchronous commit on (off only for throw-away test databases)
     * @param port fixed port, or 0 for any free port
     */
    public record EmbeddedDatabase(
            @DefaultValue("true") boolean durable,
            @DefaultValue("0") int port) {}

    public PlatformProperties {
        if (profile == Profile.PROD) {
            if (secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("SECRET_KEY must be set when PARKINGSPOTS_PROFILE=prod"
                        + " (at least " + MIN_SECRET_KEY_BYTES + " bytes; generate one with: openssl rand -base64 48)");
            }
            if (secretKey.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_KEY_BYTES) {
                throw new IllegalArgumentException(
                        "SECRET_KEY is too short for PARKINGSPOTS_PROFILE=prod: it must be at least "
                                + MIN_SECRET_KEY_BYTES + " bytes (generate one with: openssl rand -base64 48)");
            }
        }
        if (databaseUrl != null && databaseUrl.isBlank()) {
            databaseUrl = null;
        }
        if (secretKey != null && secretKey.isBlank()) {
            secretKey = null;
        }
        if (databaseUrl != null) {
            DatabaseUrls.parse(databaseUrl); // fails fast with a clear message
        }
    }

    public boolean embedded() {
        return databaseUrl == null;
    }

    public List<String> corsOriginList() {
        return CorsOrigins.parse(corsOrigins);
    }
}
