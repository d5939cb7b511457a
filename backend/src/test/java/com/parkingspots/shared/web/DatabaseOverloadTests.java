package com.parkingspots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * When every pooled connection is busy the API answers 503 with {@code Retry-After} and a JSON detail (not a 500), and
 * serves normally again once connections are free. Its own context with a pool of two and a short wait.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=250",
            "parkingspots.cluster.role=api"
        })
class DatabaseOverloadTests extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void anExhaustedPoolIsA503WithRetryAfterAndTheApiRecovers() throws Exception {
        // a public profile: read from the database (spot reads are answered from memory, see below)
        String path = "/api/v1/users/" + UUID.randomUUID();
        String login = "{\"email\": \"nobody@example.com\", \"password\": \"whatever-it-is\"}";
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < 2) {
                held.add(dataSource.getConnection());
            }
            for (var response : List.of(http.get(path), http.post("/api/v1/auth/login", login))) {
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isEqualTo("1");
                assertThat(response.json().get("detail").asString())
                        .isEqualTo("Service temporarily unavailable, try again shortly");
            }
            // the in-memory marketplace keeps answering searches and spot details meanwhile
            assertThat(http.get("/api/v1/parking-spots/?latitude=37.98&longitude=23.73")
                            .status())
                    .isEqualTo(200);
            assertThat(http.get("/api/v1/parking-spots/" + UUID.randomUUID()).status())
                    .isEqualTo(404);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(http.get(path).status()).isEqualTo(404);
    }
}
