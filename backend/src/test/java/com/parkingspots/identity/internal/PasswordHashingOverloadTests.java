package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.shared.web.ApiException;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With every hashing thread busy and the hashing queue full, sign-in, registration and password change answer 503
 * with {@code Retry-After} at once, while endpoints that hash nothing keep answering; once hashes finish, sign-in works.
 */
class PasswordHashingOverloadTests extends ApiTest {

    @Autowired
    Passwords passwords;

    @Autowired
    PasswordProperties properties;

    @Test
    void aFullHashingQueueIs503ForSignInRegisterAndPasswordChangeOnly() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        api.createSpot(owner, "");

        int threads = properties.threads();
        int queue = properties.hashingQueue();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        List<Future<Boolean>> held = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                // every thread busy with one of these and the queue full of them (a hash still in flight from
                // elsewhere may take a place for a moment: its turn passes, and one more is added)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while ((running.get() < threads || passwords.waiting() < queue) && System.nanoTime() < deadline) {
                    if (held.size() - failed(held) < threads + queue) {
                        held.add(callers.submit(() -> passwords.onPool(() -> {
                            running.incrementAndGet();
                            try {
                                return release.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return false;
                            }
                        })));
                    }
                    Thread.sleep(5);
                }
                assertThat(running.get()).isEqualTo(threads);
                assertThat(passwords.waiting()).isEqualTo(queue);

                assertBusy(api.login(driver.email(), Api.PASSWORD));
                assertBusy(api.login(Api.uniqueEmail("nobody"), "whatever-password"));
                assertBusy(api.register(Api.uniqueEmail("late"), Api.PASSWORD, "Late Comer", "renter"));
                assertBusy(http.post(
                        "/api/v1/users/me/change-password",
                        "{\"current_password\":\"%s\",\"new_password\":\"another-horse-battery\"}"
                                .formatted(Api.PASSWORD),
                        driver.auth()));

                // nothing else waits for the hashing threads
                assertThat(http.get("/api/v1/parking-spots/?latitude=40.63&longitude=22.94")
                                .status())
                        .isEqualTo(200);
                assertThat(http.get("/api/v1/users/me", driver.auth()).status()).isEqualTo(200);
                assertThat(http.get("/api/v1/bookings/", driver.auth()).status())
                        .isEqualTo(200);
            } finally {
                release.countDown();
            }
            for (Future<Boolean> f : held) {
                try {
                    assertThat(f.get(10, TimeUnit.SECONDS)).isTrue();
                } catch (ExecutionException refusedWhileFull) {
                    assertThat(refusedWhileFull.getCause()).isInstanceOf(ApiException.class);
                }
            }
        }
        var login = api.login(driver.email(), Api.PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
    }

    /** Submissions refused (the queue was full when they came). */
    private static int failed(List<Future<Boolean>> held) {
        int failed = 0;
        for (Future<Boolean> f : held) {
            if (f.state() == Future.State.FAILED) {
                failed++;
            }
        }
        return failed;
    }

    private static void assertBusy(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.json().get("detail").asString()).isEqualTo("Service temporarily busy, try again shortly");
    }
}
