package com.parkingspots.shared.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large a request may be before it is refused unread (CONTRACT.md Decision 5).
 *
 * @param maxBodySize largest JSON or form body; {@code REQUEST_BODY_MAX_BYTES}
 * @param maxUploadSize largest uploaded file (multipart), the photo limit {@code SPOT_IMAGE_MAX_BYTES}
 * @param maxUriLength longest path plus query string, in characters (longer: 414)
 */
@Validated
@ConfigurationProperties("parkingspots.web")
public record RequestLimits(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("5MB") DataSize maxUploadSize,
        @DefaultValue("8192") @Min(256) int maxUriLength) {

    /** Room for the multipart framing (boundaries, part headers) and the small fields sent with a file. */
    static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

    public RequestLimits {
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("REQUEST_BODY_MAX_BYTES must be at least 1024 bytes");
        }
    }

    static RequestLimits defaults() {
        return new RequestLimits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(5), 8192);
    }

    long maxUploadRequestBytes() {
        return maxUploadSize.toBytes() + MULTIPART_OVERHEAD_BYTES;
    }

    /** "1 MB", "512 KB", "300 bytes": for the {@code detail} of a 413. */
    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
