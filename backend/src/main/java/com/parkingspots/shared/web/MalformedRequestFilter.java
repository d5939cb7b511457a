package com.parkingspots.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses malformed requests before anything reads them (CONTRACT.md Decision 5), ahead of Spring Security: a request
 * target longer than the limit (414), a {@code Content-Type} or {@code Origin} header that cannot be parsed (415, 400),
 * a query string or form body that is not percent-encoded UTF-8 (400), a parameter holding text PostgreSQL cannot store
 * (422), and a body over its limit, by its {@code Content-Length} before one byte is read, or while it is read when it
 * is chunked (413). Each refusal is one log line at INFO, never a stack trace.
 */
final class MalformedRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

    static final String MALFORMED_QUERY = "Malformed query string: parameters must be percent-encoded UTF-8";
    static final String MALFORMED_FORM = "Malformed form body: fields must be percent-encoded UTF-8";
    static final String UNSUPPORTED_TYPE = "Unsupported Media Type: send application/json";

    private final RequestLimits limits;
    private final ErrorResponses errors;

    MalformedRequestFilter(RequestLimits limits, ErrorResponses errors) {
        this.limits = limits;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        int targetLength = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        if (targetLength > limits.maxUriLength()) {
            reject(
                    request,
                    response,
                    HttpStatus.URI_TOO_LONG,
                    "Request URI too long: at most " + limits.maxUriLength() + " characters",
                    "URI of " + targetLength + " characters");
            return;
        }
        String headerProblem = headerProblem(request);
        if (headerProblem != null) {
            reject(
                    request,
                    response,
                    headerProblem.startsWith("Unsupported")
                            ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                            : HttpStatus.BAD_REQUEST,
                    headerProblem,
                    "header");
            return;
        }
        if (isRefusedCrossOrigin(request)) {
            // what Spring's CORS filter answers, as JSON: a browser on another site must not call the API
            reject(request, response, HttpStatus.FORBIDDEN, "Invalid CORS request", "origin not allowed");
            return;
        }
        List<ValidationError> unstorable = new ArrayList<>();
        Set<String> queryNames = new HashSet<>();
        if (query != null) {
            try {
                for (FormUrlEncoded.Parameter parameter : FormUrlEncoded.decode(query)) {
                    queryNames.add(parameter.name());
                    check(parameter.name(), parameter.value(), "query", unstorable);
                }
            } catch (FormUrlEncoded.MalformedException e) {
                reject(request, response, HttpStatus.BAD_REQUEST, MALFORMED_QUERY, "query string " + e.getMessage());
                return;
            }
        }
        boolean multipart = hasType(request, MediaType.MULTIPART_FORM_DATA);
        long limit = multipart
                ? limits.maxUploadRequestBytes()
                : limits.maxBodySize().toBytes();
        long length = request.getContentLengthLong();
        if (length > limit) {
            reject(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(multipart), length + " bytes announced");
            return;
        }
        if (unstorable.isEmpty()
                && hasType(request, MediaType.APPLICATION_FORM_URLENCODED)
                && "POST".equals(request.getMethod())) {
            Map<String, String[]> parameters;
            try {
                // Tomcat parses the form (bounded by server.tomcat.max-http-form-post-size) now rather than later
                parameters = request.getParameterMap();
            } catch (IllegalStateException | RequestRejectedException e) {
                boolean tooMuch = e instanceof InvalidParameterException invalid && invalid.getErrorCode() == 413;
                reject(
                        request,
                        response,
                        tooMuch ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                        tooMuch ? tooLarge(false) : MALFORMED_FORM,
                        e.getClass().getSimpleName());
                return;
            }
            parameters.forEach((name, values) -> {
                if (!queryNames.contains(name)) {
                    for (String value : values) {
                        check(name, value, "body", unstorable);
                    }
                }
            });
        }
        if (!unstorable.isEmpty()) {
            reject(request, response, HttpStatus.UNPROCESSABLE_CONTENT, unstorable, "unstorable text in a parameter");
            return;
        }
        HttpServletRequest bounded = length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                ? new BoundedBodyRequest(request, limit)
                : request;
        chain.doFilter(bounded, response);
    }

    /**
     * Headers Spring parses on the way in, where a malformed value would be an exception deep in a filter (CORS reads
     * both): a {@code Content-Type} that is no concrete media type or names an unknown charset, an {@code Origin} that
     * is no URL.
     */
    private static @Nullable String headerProblem(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    return UNSUPPORTED_TYPE;
                }
                String charset = type.getParameter("charset");
                if (charset != null && !isSupported(charset)) {
                    return "Unsupported charset: send UTF-8";
                }
            } catch (InvalidMediaTypeException e) {
                return UNSUPPORTED_TYPE;
            }
        }
        if (request.getHeader(HttpHeaders.ORIGIN) != null) {
            try {
                CorsUtils.isCorsRequest(request);
            } catch (IllegalArgumentException e) {
                return "Malformed Origin header";
            }
        }
        return null;
    }

    private boolean isRefusedCrossOrigin(HttpServletRequest request) {
        if (!CorsUtils.isCorsRequest(request)) {
            return false;
        }
        CorsConfiguration config = errors.configuration(request);
        return config == null || config.checkOrigin(request.getHeader(HttpHeaders.ORIGIN)) == null;
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset.replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    String tooLarge(boolean multipart) {
        return multipart
                ? "File too large: at most " + RequestLimits.describe(limits.maxUploadSize())
                : "Request body too large: at most " + RequestLimits.describe(limits.maxBodySize());
    }

    private static void check(String name, String value, String where, List<ValidationError> errors) {
        String problem = StorableText.problem(name);
        if (problem == null) {
            problem = StorableText.problem(value);
        }
        if (problem != null) {
            errors.add(new ValidationError("value_error", List.of(where, name), problem, null, null));
        }
    }

    private static boolean hasType(HttpServletRequest request, MediaType type) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(type.toString());
    }

    private void reject(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, Object detail, String why)
            throws IOException {
        log.info(
                "Rejected {} {}: {} ({})",
                request.getMethod(),
                ErrorResponses.loggable(request.getRequestURI()),
                status.value(),
                why);
        errors.write(request, response, status, detail);
    }
}
