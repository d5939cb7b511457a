package com.parkingspots.operations.internal;

import com.parkingspots.bookings.Bookings;
import com.parkingspots.shared.cluster.ClusterProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;

@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /** After the request id (so its lines carry it) and the worker role's filter; before security and MVC. */
    @Bean
    FilterRegistrationBean<ActuatorGuard> actuatorGuard(OperationsProperties properties) {
        FilterRegistrationBean<ActuatorGuard> registration =
                new FilterRegistrationBean<>(new ActuatorGuard(properties.metricsToken()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setName("actuatorGuard");
        return registration;
    }

    /**
     * No tracing observation around each of Spring Security's filters: per request they cost more CPU than a nearby
     * search (bench/results/search-*.md, profile); requests are still measured as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RequestWindow requestWindow(OperationsProperties properties) {
        return new RequestWindow(properties.windowSeconds());
    }

    /** Sees every status the application sets, error responses included. */
    @Bean
    FilterRegistrationBean<RequestRecorder> requestRecorder(RequestWindow window, Clock clock) {
        FilterRegistrationBean<RequestRecorder> registration =
                new FilterRegistrationBean<>(new RequestRecorder(window, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.setName("dashboardRequestRecorder");
        return registration;
    }

    @Bean
    MeterSampler dashboardMeterSampler(MeterRegistry registry, Clock clock) {
        return new MeterSampler(registry, clock, Dashboard.JOBS_WINDOW_SECONDS);
    }

    @Bean
    Dashboard dashboard(
            MeterRegistry registry,
            RequestWindow window,
            MeterSampler sampler,
            Bookings bookings,
            ClusterProperties cluster,
            OperationsProperties properties,
            Clock clock) {
        return new Dashboard(registry, window, sampler, bookings, cluster, properties, clock);
    }
}
