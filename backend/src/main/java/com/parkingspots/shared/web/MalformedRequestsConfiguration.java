package com.parkingspots.shared.web;

import jakarta.servlet.MultipartConfigElement;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.unit.DataSize;

/**
 * Malformed requests get a JSON 4xx wherever they are refused (CONTRACT.md Decision 5): in Tomcat's connector (an
 * error report valve that writes JSON), in Spring Security's firewall (a JSON rejection handler), in a filter before
 * any controller (bad encodings, unstorable text, oversized bodies) and in the multipart parser (413 at the photo
 * limit).
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequestsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestsConfiguration.class);

    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(RequestLimits limits, ErrorResponses errors) {
        FilterRegistrationBean<MalformedRequestFilter> registration =
                new FilterRegistrationBean<>(new MalformedRequestFilter(limits, errors));
        // after the request id (+1) and the dashboard's request recorder (+3), so rejections are traced and counted;
        // before Spring Security, whose CORS filter would fail on a malformed Content-Type or Origin
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("malformedRequestFilter");
        return registration;
    }

    /** Uploads are parsed up to the photo limit: a larger file is a 413 while it streams in, never buffered whole. */
    @Bean
    MultipartConfigElement multipartConfigElement(RequestLimits limits) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(limits.maxUploadSize());
        factory.setMaxRequestSize(DataSize.ofBytes(limits.maxUploadRequestBytes()));
        factory.setFileSizeThreshold(DataSize.ofBytes(0));
        return factory.createMultipartConfig();
    }

    /**
     * Semicolons are allowed in paths: a {@code ;} (or {@code %3B}) in an id is then an unknown id, the usual 404,
     * rather than a firewall 400. Authorization never depends on URL patterns here (every endpoint checks its caller),
     * so path parameters cannot open anything. Every other rejection is a JSON 400 with CORS headers.
     */
    @Bean
    WebSecurityCustomizer firewallAnswersJson(ErrorResponses errors) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowSemicolon(true);
        return web -> web.httpFirewall(firewall).requestRejectedHandler((request, response, rejected) -> {
            log.info(
                    "Rejected {} {}: 400 (firewall: {})",
                    request.getMethod(),
                    ErrorResponses.loggable(request.getRequestURI()),
                    rejected.getClass().getSimpleName());
            errors.write(request, response, HttpStatus.BAD_REQUEST, "Bad Request: the URL is malformed");
        });
    }

    @Bean
    TomcatErrorsAsJson tomcatErrorsAsJson(ObjectProvider<ErrorResponses> errors) {
        return new TomcatErrorsAsJson(errors);
    }

    /** Replaces the error report valve Boot installs (HTML) with the JSON one; runs after Boot's own customizer. */
    static final class TomcatErrorsAsJson
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ObjectProvider<ErrorResponses> errors;

        TomcatErrorsAsJson(ObjectProvider<ErrorResponses> errors) {
            this.errors = errors;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (!(context.getParent() instanceof StandardHost host)) {
                    return;
                }
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // the host adds a valve of this class at start unless one is there: name ours, so it is not doubled
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                host.getPipeline().addValve(new JsonErrorReportValve(errors::getIfAvailable));
                host.getPipeline().addValve(new MalformedPathValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
