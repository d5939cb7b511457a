package com.parkingspots.shared.config;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT}: {@code text} (the default) or {@code json} (Spring Boot's structured logging in Elastic Common
 * Schema, one object a line, MDC fields such as {@code requestId} included); {@code ecs}, {@code logstash} and
 * {@code gelf} pick one of Boot's JSON formats by name. Runs before the logging system starts, so the very first line is
 * already in the chosen format.
 */
public final class LogFormat implements EnvironmentPostProcessor, Ordered {

    static final String VARIABLE = "LOG_FORMAT";
    private static final Map<String, String> FORMATS =
            Map.of("json", "ecs", "ecs", "ecs", "logstash", "logstash", "gelf", "gelf");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = structuredFormat(environment.getProperty(VARIABLE));
        if (format != null && !environment.containsProperty("logging.structured.format.console")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "parkingspotsLogFormat", Map.of("logging.structured.format.console", format)));
        }
    }

    /** Boot's structured format for a {@code LOG_FORMAT} value, or null for plain text. */
    static @Nullable String structuredFormat(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = value.strip().toLowerCase(Locale.ROOT);
        if (key.equals("text") || key.equals("plain")) {
            return null;
        }
        String format = FORMATS.get(key);
        if (format == null) {
            throw new IllegalStateException(
                    VARIABLE + " must be text or json (or ecs, logstash, gelf), not '" + value + "'");
        }
        return format;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
