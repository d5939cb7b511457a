package com.parkingspots.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of HTTP-level tests: the whole application on a random port over its own embedded PostgreSQL, shared by every
 * subclass (one Spring context). Tests create their own users and data, so they do not depend on each other. The first
 * test of a context waits until it is ready (the in-memory marketplace is built in the background at start).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    protected Http http;
    protected Api api;

    private static final Set<Integer> READY = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void connect() throws InterruptedException {
        http = new Http(port);
        api = new Api(http);
        if (!READY.contains(port)) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (http.get("/readyz").status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            READY.add(port);
        }
    }
}
