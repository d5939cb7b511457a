package com.parkingspots.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the web client (built into {@code classpath:/static} from {@code web/dist}) from the same process: hashed
 * assets cached for a year, everything else revalidated, each as the brotli or gzip file made at build time
 * ({@code web/scripts/compress-dist.mjs}) when the browser accepts it, and client-side routes ({@code /spots/…},
 * {@code /reset-password?token=…}) answered with {@code index.html}. API and operations paths never fall back, so an
 * unknown API route stays a JSON 404.
 */
@Configuration(proxyBeanMethods = false)
class WebClientConfiguration implements WebMvcConfigurer {

    static final ClassPathResource INDEX = new ClassPathResource("static/index.html");
    private static final List<String> NEVER_FALLBACK =
            List.of("api/", "media/", "actuator", "docs", "swagger-ui", "v3/", "health", "livez", "readyz", "error");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new BrotliFirst());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new BrotliFirst())
                .addResolver(new SpaFallbackResolver());
    }

    /**
     * Spring's resolver takes the first coding in the order the browser lists them, and browsers list gzip before br
     * ({@code gzip, deflate, br, zstd}): brotli files are a fifth smaller, so it is offered first when accepted.
     */
    static final class BrotliFirst extends EncodedResourceResolver {
        @Override
        protected @Nullable Resource resolveResourceInternal(
                @Nullable HttpServletRequest request,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            String accepted = request == null ? null : request.getHeader(HttpHeaders.ACCEPT_ENCODING);
            if (accepted == null || !accepted.contains("br") || accepted.startsWith("br")) {
                return super.resolveResourceInternal(request, requestPath, locations, chain);
            }
            HttpServletRequest brotliFirst = new HttpServletRequestWrapper(request) {
                @Override
                public String getHeader(String name) {
                    return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name)
                            ? "br, " + accepted
                            : super.getHeader(name);
                }
            };
            return super.resolveResourceInternal(brotliFirst, requestPath, locations, chain);
        }
    }

    /** Static files as they are; for an extension-less, non-API path that is no file, the app's {@code index.html}. */
    static final class SpaFallbackResolver extends PathResourceResolver {
        @Override
        protected @Nullable Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource requested = location.createRelative(resourcePath);
            if (requested.isReadable() && !resourcePath.isEmpty() && !resourcePath.endsWith("/")) {
                return requested;
            }
            if (!isClientRoute(resourcePath) || !INDEX.exists()) {
                return null;
            }
            return INDEX;
        }

        static boolean isClientRoute(String path) {
            if (NEVER_FALLBACK.stream().anyMatch(path::startsWith)) {
                return false;
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            return !last.contains(".");
        }
    }
}
