package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        CountDownLatch running = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Boolean>> held = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (int i = 0; i < threads + queue; i++) {
                    held.add(callers.submit(() -> passwords.onPool(() -> {
                        running.countDown();
                        try {
                            return release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    })));
                }
                assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (passwords.waiting() < queue && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
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
                assertThat(f.get(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        var login = api.login(driver.email(), Api.PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
    }

    private static void assertBusy(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.json().get("detail").asString()).isEqualTo("Service temporarily busy, try again shortly");
    }
}
