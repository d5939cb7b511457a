package com.parkingspots.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of HTTP-level tests: the whole application on a random port over its own embedded PostgreSQL, shared by every
 * subclass (one Spring context). Tests create their own users and data, so they do not depend on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    protected Http http;
    protected Api api;

    @BeforeEach
    void connect() {
        http = new Http(port);
        api = new Api(http);
    }
}
