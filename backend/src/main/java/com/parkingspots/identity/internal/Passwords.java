package com.parkingspots.identity.internal;

import com.parkingspots.shared.web.ApiException;
import com.parkingspots.shared.web.RequestValidationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashes (ADR 0013). New ones are Argon2id ({@code {argon2}$argon2id$v=19$m=19456,t=2,p=1$…}); bcrypt hashes
 * keep verifying, with or without the {@code {bcrypt}} prefix (the previous system stored bare {@code $2b$12$…}), and
 * are replaced by Argon2id at the next successful sign-in ({@link #verify}).
 *
 * <p>A hash is tens to hundreds of milliseconds of pure CPU, so hashes run on a small pool of their own platform threads
 * (one per core by default) with a bounded queue: request threads wait there without holding a core, and the rest of
 * the API keeps its share of the CPU whatever the number of sign-ins. When the queue is full the caller gets
 * {@code 503} with {@code Retry-After: 1} at once instead of queueing for seconds ({@code
 * parkingspots.identity.passwords.refused}; {@code parkingspots.identity.passwords.waiting} is the queue's length).
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes: longer passwords are refused, never silently truncated. */
    public static final int MAX_BYTES = 72;

    static final String BUSY = "Service temporarily busy, try again shortly";
    static final String ARGON2 = "argon2";
    static final String BCRYPT = "bcrypt";

    /** Outcome of checking a password: whether it matched, and its new hash when the stored one is outdated. */
    public record Verification(boolean matches, @Nullable String upgradedHash) {}

    private final PasswordEncoder encoder;
    private final String dummyHash;
    private final ThreadPoolExecutor hashing;
    private final Counter refused;

    Passwords(IdentityProperties identity, PasswordProperties properties, MeterRegistry meters) {
        PasswordProperties.Argon2 argon2 = properties.argon2();
        DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(
                ARGON2,
                Map.of(
                        ARGON2,
                        new Argon2PasswordEncoder(
                                16, 32, argon2.parallelism(), argon2.memoryKib(), argon2.iterations()),
                        BCRYPT,
                        new BCryptPasswordEncoder(identity.bcryptCost())));
        // the previous system's hashes carry no {id}: bare $2a$/$2b$/$2y$ are bcrypt
        delegating.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder(identity.bcryptCost()));
        this.encoder = delegating;
        this.dummyHash = encoder.encode("timing-equaliser-for-unknown-accounts");
        int threads = properties.threads();
        BlockingQueue<Runnable> queue = properties.hashingQueue() == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(properties.hashingQueue());
        AtomicInteger names = new AtomicInteger();
        this.hashing = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, queue, task -> {
            Thread thread = new Thread(task, "password-hashing-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.refused = Counter.builder("parkingspots.identity.passwords.refused")
                .description("Password hashes refused with 503 because the hashing queue was full")
                .register(meters);
        Gauge.builder("parkingspots.identity.passwords.waiting", this, Passwords::waiting)
                .description("Password hashes waiting for a hashing thread")
                .register(meters);
    }

    /** A new hash (Argon2id). */
    public String hash(String password) {
        return onPool(() -> encoder.encode(password));
    }

    public boolean matches(String password, String hash) {
        return onPool(() -> check(password, hash));
    }

    /**
     * Checks a sign-in's password and, when it matches a hash of an outdated kind (bcrypt, or Argon2id with weaker
     * parameters), hashes it anew: one turn on the pool for both.
     */
    public Verification verify(String password, String hash) {
        return onPool(() -> {
            if (!check(password, hash)) {
                return new Verification(false, null);
            }
            return new Verification(true, encoder.upgradeEncoding(hash) ? encoder.encode(password) : null);
        });
    }

    /** Spends the same time as checking a password of a new account, so a sign-in for an unknown one is not faster. */
    public void matchNothing(String password) {
        matches(password, dummyHash);
    }

    private boolean check(String password, String hash) {
        try {
            return encoder.matches(password, hash);
        } catch (IllegalArgumentException tooLongOrUnknownKind) {
            return false;
        }
    }

    /** Runs on a hashing thread; the caller waits. A full queue is a {@code 503}, never a longer wait. */
    <T> T onPool(Supplier<T> work) {
        CompletableFuture<T> result;
        try {
            result = CompletableFuture.supplyAsync(work, hashing);
        } catch (RejectedExecutionException full) {
            refused.increment();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, BUSY, Map.of("Retry-After", "1"));
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, BUSY, Map.of("Retry-After", "1"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new CompletionException(e.getCause());
        }
    }

    /** Hashes waiting for a thread. */
    int waiting() {
        return hashing.getQueue().size();
    }

    @PreDestroy
    void stop() {
        hashing.shutdownNow();
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
