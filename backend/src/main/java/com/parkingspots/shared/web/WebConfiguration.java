package com.parkingspots.shared.web;

import com.parkingspots.shared.security.Caller;
import jakarta.servlet.Filter;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
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
import tools.jackson.databind.module.SimpleModule;

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

    @Bean
    JsonMapperBuilderCustomizer apiJsonConventions() {
        SimpleModule instants = new SimpleModule("flexible-instants");
        instants.addDeserializer(Instant.class, new InstantDeserializer());
        return builder -> builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
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
