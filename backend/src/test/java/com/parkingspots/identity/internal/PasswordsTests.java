package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkingspots.shared.web.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Argon2id for new hashes, bcrypt (bare or prefixed) verified and upgraded, and the bounded hashing pool. */
class PasswordsTests {

    /** Made offline by pyca/bcrypt 3.2 (the library behind passlib, which the previous system used), cost 12. */
    static final String OTHER_LIBRARY_BCRYPT = "$2b$12$Xfq4bK.3E7rMYIiAF/DbbeV2to3y4XPjU6SQQpkG6LjlFZzKzkAtC";

    static final String OTHER_LIBRARY_PASSWORD = "legacy-password-2019";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({IdentityProperties.class, PasswordProperties.class})
    static class PropertiesOnly {}

    private final List<Passwords> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Passwords::stop);
    }

    private Passwords passwords(String... properties) {
        Passwords[] made = new Passwords[1];
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues(properties)
                .run(context -> made[0] = new Passwords(
                        context.getBean(IdentityProperties.class),
                        context.getBean(PasswordProperties.class),
                        new SimpleMeterRegistry()));
        started.add(made[0]);
        return made[0];
    }

    private Passwords cheap(String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "parkingspots.identity.bcrypt-cost=4",
                "parkingspots.identity.passwords.argon2.memory-kib=64",
                "parkingspots.identity.passwords.argon2.iterations=1"));
        properties.addAll(List.of(more));
        return passwords(properties.toArray(String[]::new));
    }

    @Test
    void newHashesAreArgon2idAtOwaspsMinimumByDefault() {
        Passwords passwords = passwords();
        String hash = passwords.hash("correct-horse-battery");
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwords.matches("correct-horse-battery", hash)).isTrue();
        assertThat(passwords.matches("wrong-horse-battery", hash)).isFalse();
        assertThat(passwords.verify("correct-horse-battery", hash).upgradedHash())
                .as("a current hash is kept")
                .isNull();
    }

    @Test
    void bcryptFromAnotherLibraryVerifiesAndIsUpgradedToArgon2id() {
        Passwords passwords = cheap();
        var wrong = passwords.verify("not-the-password", OTHER_LIBRARY_BCRYPT);
        assertThat(wrong.matches()).isFalse();
        assertThat(wrong.upgradedHash()).isNull();

        var right = passwords.verify(OTHER_LIBRARY_PASSWORD, OTHER_LIBRARY_BCRYPT);
        assertThat(right.matches()).isTrue();
        assertThat(right.upgradedHash()).startsWith("{argon2}$argon2id$");
        assertThat(passwords.matches(OTHER_LIBRARY_PASSWORD, right.upgradedHash()))
                .isTrue();
    }

    @Test
    void everyBcryptVariantVerifiesBareOrPrefixed() {
        Passwords passwords = cheap();
        String spring2a = new BCryptPasswordEncoder(4).encode("some-password");
        for (String hash : List.of(
                spring2a, "$2b$" + spring2a.substring(4), "$2y$" + spring2a.substring(4), "{bcrypt}" + spring2a)) {
            var verified = passwords.verify("some-password", hash);
            assertThat(verified.matches()).as(hash).isTrue();
            assertThat(verified.upgradedHash()).as(hash).startsWith("{argon2}");
            assertThat(passwords.matches("other-password", hash)).as(hash).isFalse();
        }
    }

    @Test
    void argon2HashesWithWeakerParametersAreUpgradedToo() {
        String weak = cheap().hash("some-password");
        var verified = passwords().verify("some-password", weak);
        assertThat(verified.matches()).isTrue();
        assertThat(verified.upgradedHash()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void unknownKindsAndOverlongPasswordsNeverMatch() {
        Passwords passwords = cheap();
        assertThat(passwords.matches("some-password", "{md5}5f4dcc3b5aa765d61d8327deb882cf99"))
                .isFalse();
        assertThat(passwords.matches("x".repeat(100), OTHER_LIBRARY_BCRYPT)).isFalse();
    }

    @Test
    void aFullHashingQueueIs503WithRetryAfterAndFreesAtOnce() throws Exception {
        Passwords passwords = cheap(
                "parkingspots.identity.passwords.hashing-threads=1", "parkingspots.identity.passwords.hashing-queue=2");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<String>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // one running, two waiting
            held.add(callers.submit(() -> passwords.onPool(() -> {
                running.countDown();
                awaitQuietly(release);
                return "done";
            })));
        }
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (passwords.waiting() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(passwords.waiting()).isEqualTo(2);

        long before = System.nanoTime();
        assertThatThrownBy(() -> passwords.hash("correct-horse-battery"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.detail()).isEqualTo("Service temporarily busy, try again shortly");
                    assertThat(e.headers()).containsEntry("Retry-After", "1");
                });
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before))
                .as("refused at once, not after a wait")
                .isLessThan(1000);

        release.countDown();
        for (Future<String> f : held) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        }
        callers.close();
        assertThat(passwords.matches("correct-horse-battery", passwords.hash("correct-horse-battery")))
                .isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
