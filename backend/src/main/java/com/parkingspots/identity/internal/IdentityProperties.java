package com.parkingspots.identity.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param accessTokenExpireMinutes {@code ACCESS_TOKEN_EXPIRE_MINUTES}
 * @param refreshTokenExpireDays {@code REFRESH_TOKEN_EXPIRE_DAYS}
 * @param bcryptCost work factor for new password hashes (12 in production; tests lower it for speed)
 */
@Validated
@ConfigurationProperties("parkingspots.identity")
public record IdentityProperties(
        @DefaultValue("30") @Min(1) @Max(1440) int accessTokenExpireMinutes,
        @DefaultValue("7") @Min(1) @Max(365) int refreshTokenExpireDays,
        @DefaultValue("12") @Min(4) @Max(31) int bcryptCost) {}
