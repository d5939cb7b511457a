package com.parkingspots.shared.config;

import java.util.Map;
import java.util.Objects;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A separate management port ({@code MANAGEMENT_PORT}) listens on {@code MANAGEMENT_ADDRESS}, by default only on
 * loopback: metrics and health details are for the machine's own scraper unless a deployer opens them on purpose.
 * Boot rejects a management address when the actuator shares the public port, so it is only set with a port of its own.
 */
public final class ManagementAddress implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULT = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty("management.server.port");
        if (port == null || port.isBlank() || environment.containsProperty("management.server.address")) {
            return;
        }
        // the same number as the public port means "no separate port" (0 means a random one of its own)
        if (!port.strip().equals("0")
                && Objects.equals(
                        port.strip(),
                        environment.getProperty("server.port", "8080").strip())) {
            return;
        }
        String address = environment.getProperty("MANAGEMENT_ADDRESS");
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "parkingspotsManagementAddress",
                        Map.of("management.server.address", address == null || address.isBlank() ? DEFAULT : address)));
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml) has been loaded
        return Ordered.LOWEST_PRECEDENCE;
    }
}
