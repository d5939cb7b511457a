package com.parkingspots.shared.web;

import com.parkingspots.shared.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/** HTTP conventions of CONTRACT.md Decision 1 and section 8: trailing slashes, snake_case JSON, strict integers. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static {
        // the caller is resolved from the bearer token, not sent as a parameter: keep it out of the OpenAPI document
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * Every route answers with and without a trailing slash, directly: the request is seen without the slash (by
     * security rules and handler mappings alike), never redirected.
     */
    @Bean
    FilterRegistrationBean<Filter> trailingSlashFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("trailingSlashFilter");
        return registration;
    }

    /**
     * CPU-bound requests a few at a time, in arrival order: after the trailing-slash filter (they are matched as the
     * handler mappings see them), the request metrics (which so count the wait) and the refusal of malformed requests;
     * before Spring Security and MVC, where the CPU goes.
     */
    @Bean
    FilterRegistrationBean<CpuBoundAdmission> cpuBoundAdmission(
            List<CpuBoundRequests> cpuBound,
            @Value("${parkingspots.web.cpu-bound-concurrency:0}") int concurrency,
            @Value("${parkingspots.web.cpu-bound-max-waiting:128}") int maxWaiting,
            @Value("${parkingspots.web.cpu-bound-max-wait:2s}") Duration maxWait,
            ErrorResponses errors,
            MeterRegistry meters) {
        int permits = concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
        FilterRegistrationBean<CpuBoundAdmission> registration = new FilterRegistrationBean<>(
                new CpuBoundAdmission(cpuBound, permits, maxWaiting, maxWait, errors, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        registration.setName("cpuBoundAdmission");
        return registration;
    }

    /**
     * Tomcat's own pool of platform threads answers requests, not a virtual thread per request (the rest of the
     * application keeps virtual threads): its queue is first come first served, while the virtual thread scheduler's
     * work stealing let some connections wait hundreds of milliseconds to seconds under load (ADR 0010). Runs after
     * Spring Boot's customizer that installs the virtual thread executor (order 1), and undoes it.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> platformRequestThreads() {
        return new PlatformRequestThreads();
    }

    static final class PlatformRequestThreads
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            // no executor: the endpoint creates its own at start, sized by server.tomcat.threads.*
            factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(null));
        }

        @Override
        public int getOrder() {
            return 100;
        }
    }

    @Bean
    JsonMapperBuilderCustomizer apiJsonConventions() {
        SimpleModule instants = new SimpleModule("flexible-instants");
        instants.addDeserializer(Instant.class, new InstantDeserializer());
        return builder -> builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // a number or a boolean where text belongs is refused (string_type), as the old system refuses it,
                // not stored as "123": a client sending the wrong type hears so instead of saving the wrong thing
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(instants);
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new LenientAcceptStrategy()));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new Converter<String, Instant>() {
            @Override
            public Instant convert(String source) {
                return FlexibleInstants.parse(source);
            }
        });
    }

    static final class InstantDeserializer extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_STRING
                    && token != JsonToken.VALUE_NUMBER_INT
                    && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getString();
            try {
                return FlexibleInstants.parse(text);
            } catch (DateTimeException | NumberFormatException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "Input should be a valid datetime");
            }
        }
    }
}
