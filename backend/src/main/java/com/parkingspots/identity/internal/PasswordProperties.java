package com.parkingspots.identity.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How passwords are hashed and how many hashes may run or wait at once (ADR 0013).
 *
 * @param hashingThreads threads that compute hashes ({@code PASSWORD_HASHING_THREADS}); 0: one per core
 * @param hashingQueue hashes that may wait for a thread ({@code PASSWORD_HASHING_QUEUE}); beyond it sign-in,
 *     registration and password changes answer {@code 503} with {@code Retry-After}
 * @param argon2 the Argon2id parameters of new hashes; OWASP's minimum by default, lowered only by tests
 */
@Validated
@ConfigurationProperties("parkingspots.identity.passwords")
public record PasswordProperties(
        @DefaultValue("0") @Min(0) @Max(256) int hashingThreads,
        @DefaultValue("16") @Min(0) @Max(10_000) int hashingQueue,
        @DefaultValue @Valid Argon2 argon2) {

    /**
     * @param memoryKib memory per hash in KiB (OWASP: 19 MiB = 19456)
     * @param iterations passes over that memory (OWASP: 2)
     * @param parallelism lanes (OWASP: 1)
     */
    public record Argon2(
            @DefaultValue("19456") @Min(8) @Max(4 * 1024 * 1024)
            int memoryKib,

            @DefaultValue("2") @Min(1) @Max(100) int iterations,
            @DefaultValue("1") @Min(1) @Max(64) int parallelism) {}

    int threads() {
        return hashingThreads > 0 ? hashingThreads : Runtime.getRuntime().availableProcessors();
    }
}
