package com.parkingspots.shared.cluster;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;

/**
 * What {@code PARKINGSPOTS_ROLE} switches. {@code api}: db-scheduler's scheduler is built (modules schedule their
 * persistent tasks through it, in their own transactions) but never started, so this instance never polls for or runs
 * a job. {@code worker}: the scheduler runs, and HTTP answers only the health endpoints. db-scheduler picks each due
 * task with {@code SELECT … FOR UPDATE SKIP LOCKED}, so a job runs once whatever the number of workers.
 */
@Configuration(proxyBeanMethods = false)
class RoleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoleConfiguration.class);

    // the worker's metrics too: through the public port they still need METRICS_TOKEN (operations' ActuatorGuard)
    static final Set<String> WORKER_PATHS = Set.of("/health", "/livez", "/readyz", "/actuator/prometheus");

    /** Replaces db-scheduler's starter (it backs off when one exists) with one that never starts polling. */
    @Bean
    @ConditionalOnProperty(name = "parkingspots.cluster.role", havingValue = "api")
    DbSchedulerStarter apiRoleKeepsSchedulerStopped() {
        return () -> log.info("Role api: scheduled jobs run on worker instances, not here");
    }

    @Bean
    @ConditionalOnProperty(name = "parkingspots.cluster.role", havingValue = "worker")
    FilterRegistrationBean<Filter> workerServesOnlyHealth() {
        log.info("Role worker: HTTP answers only {}", WORKER_PATHS);
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            if (isHealthPath(http.getRequestURI())) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse out = (HttpServletResponse) response;
            out.setStatus(HttpServletResponse.SC_NOT_FOUND);
            out.setContentType(MediaType.APPLICATION_JSON_VALUE);
            out.setCharacterEncoding(StandardCharsets.UTF_8.name());
            out.getWriter().write("{\"detail\":\"Not Found\"}");
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setName("workerServesOnlyHealth");
        return registration;
    }

    static boolean isHealthPath(String uri) {
        String path = uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return WORKER_PATHS.contains(path);
    }
}
