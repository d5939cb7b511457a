package com.parkingspots.identity.internal;

import com.parkingspots.shared.web.RequestValidationException;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * bcrypt (spec 7.2). Verifies the existing system's {@code $2b$12$} hashes too.
 *
 * <p>A hash at cost 12 is ~250 ms of pure CPU. Requests run on virtual threads, whose carriers are as many as the
 * cores: a hash computed on a virtual thread pins a carrier for its whole duration, and two concurrent sign-ins on two
 * cores stall every other request of the instance (the load suite saw every route's p99 jump to 150–250 ms). So hashes
 * are computed on their own platform threads, which the operating system time-slices with everything else, while the
 * waiting virtual thread frees its carrier.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes: longer passwords are refused, never silently truncated. */
    public static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;
    private final ExecutorService hashing;

    Passwords(IdentityProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptCost());
        this.dummyHash = encoder.encode("timing-equaliser-for-unknown-accounts");
        AtomicInteger threads = new AtomicInteger();
        this.hashing = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "bcrypt-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public String hash(String password) {
        return offCarrier(() -> encoder.encode(password));
    }

    public boolean matches(String password, String hash) {
        try {
            return offCarrier(() -> encoder.matches(password, hash));
        } catch (IllegalArgumentException tooLong) {
            return false;
        }
    }

    private <T> T offCarrier(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, hashing).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        hashing.shutdownNow();
    }

    /** Spends the same time as a real check, so a login for an unknown account is not faster. */
    public void matchNothing(String password) {
        matches(password, dummyHash);
    }

    public static void validate(String password, List<Object> loc) {
        if (password.length() < MIN_LENGTH) {
            throw RequestValidationException.of(
                    "string_too_short", loc, "String should have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw RequestValidationException.of(
                    "string_too_long", loc, "Password must be at most " + MAX_BYTES + " bytes (UTF-8)");
        }
    }
}
