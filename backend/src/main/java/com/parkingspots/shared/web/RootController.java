package com.parkingspots.shared.web;

import com.parkingspots.shared.redis.RedisLink;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /} and {@code GET /health}, outside the API prefix as in the existing backend. */
@RestController
class RootController {

    private static final Logger log = LoggerFactory.getLogger(RootController.class);
    private static final int HEALTH_QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final String version;
    private final ObjectProvider<RedisLink> redis;

    RootController(DataSource dataSource, ObjectProvider<BuildProperties> build, ObjectProvider<RedisLink> redis) {
        this.dataSource = dataSource;
        this.redis = redis;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties != null ? properties.getVersion() : "dev";
    }

    /** Browsers asking for a page get the web client; API clients get the welcome JSON of the existing backend. */
    @GetMapping("/")
    ResponseEntity<?> root(@RequestHeader(name = "Accept", required = false) @Nullable String accept)
            throws IOException {
        if (accept != null && accept.contains("text/html") && WebClientConfiguration.INDEX.exists()) {
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_HTML)
                    .cacheControl(CacheControl.noCache())
                    .body(WebClientConfiguration.INDEX.getContentAsByteArray());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(welcome());
    }

    private Map<String, Object> welcome() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Welcome to ParkingSpots API");
        body.put("docs", "/docs");
        body.put("version", version);
        return body;
    }

    /**
     * 200 only when the database answers; load balancers take the instance out otherwise. With {@code REDIS_URL} set,
     * {@code redis} says {@code up} or {@code down}: a Redis outage degrades the instance but it still serves.
     */
    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.setQueryTimeout(HEALTH_QUERY_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "healthy");
            RedisLink link = redis.getIfAvailable();
            if (link != null) {
                body.put("redis", link.isUp() ? "up" : "down");
            }
            return ResponseEntity.ok(body);
        } catch (Exception e) {
            log.warn("Health check failed: {}", e.getMessage());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "unhealthy");
            body.put("detail", "Database unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
        }
    }
}
