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

    /** Why a request is refused: its status, the {@code detail} the client reads, a word for the log. */
    private record Rejection(HttpStatus status, Object detail, String why) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Rejection rejection = rejection(request);
        if (rejection != null) {
            log.info(
                    "Rejected {} {}: {} ({})",
                    request.getMethod(),
                    ErrorResponses.loggable(request.getRequestURI()),
                    rejection.status().value(),
                    rejection.why());
            errors.write(request, response, rejection.status(), rejection.detail());
            return;
        }
        boolean chunked =
                request.getContentLengthLong() < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        chain.doFilter(chunked ? new BoundedBodyRequest(request, bodyLimit(request)) : request, response);
    }

    private @Nullable Rejection rejection(HttpServletRequest request) {
        String query = request.getQueryString();
        int targetLength = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        if (targetLength > limits.maxUriLength()) {
            return new Rejection(
                    HttpStatus.URI_TOO_LONG,
                    "Request URI too long: at most " + limits.maxUriLength() + " characters",
                    "URI of " + targetLength + " characters");
        }
        Rejection header = headerRejection(request);
        if (header != null) {
            return header;
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
                return new Rejection(HttpStatus.BAD_REQUEST, MALFORMED_QUERY, "query string " + e.getMessage());
            }
        }
        long length = request.getContentLengthLong();
        if (length > bodyLimit(request)) {
            return new Rejection(HttpStatus.CONTENT_TOO_LARGE, tooLarge(request), length + " bytes announced");
        }
        if (unstorable.isEmpty()
                && hasType(request, MediaType.APPLICATION_FORM_URLENCODED)
                && "POST".equals(request.getMethod())) {
            Rejection form = formRejection(request, queryNames, unstorable);
            if (form != null) {
                return form;
            }
        }
        return unstorable.isEmpty()
                ? null
                : new Rejection(HttpStatus.UNPROCESSABLE_CONTENT, unstorable, "unstorable text in a parameter");
    }

    /**
     * Headers Spring parses on the way in, where a malformed value would be an exception deep in a filter (CORS reads
     * both): a {@code Content-Type} that is no concrete media type or names an unknown charset, an {@code Origin} that
     * is no URL; and an origin the CORS configuration does not allow, refused as Spring's CORS filter would, in JSON.
     */
    private @Nullable Rejection headerRejection(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    return new Rejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_TYPE, "wildcard Content-Type");
                }
                String charset = type.getParameter("charset");
                if (charset != null && !isSupported(charset)) {
                    return new Rejection(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset: send UTF-8", "unknown charset");
                }
            } catch (InvalidMediaTypeException e) {
                return new Rejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_TYPE, "malformed Content-Type");
            }
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return null;
        }
        boolean crossOrigin;
        try {
            crossOrigin = CorsUtils.isCorsRequest(request);
        } catch (IllegalArgumentException e) {
            return new Rejection(HttpStatus.BAD_REQUEST, "Malformed Origin header", "malformed Origin");
        }
        CorsConfiguration config = crossOrigin ? errors.configuration(request) : null;
        if (crossOrigin && (config == null || config.checkOrigin(origin) == null)) {
            // a browser on another site must not call the API
            return new Rejection(HttpStatus.FORBIDDEN, "Invalid CORS request", "origin not allowed");
        }
        return null;
    }

    /** Tomcat parses the form now (bounded by {@code server.tomcat.max-http-form-post-size}) rather than later. */
    private @Nullable Rejection formRejection(
            HttpServletRequest request, Set<String> queryNames, List<ValidationError> unstorable) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException | RequestRejectedException e) {
            boolean tooMuch = e instanceof InvalidParameterException invalid && invalid.getErrorCode() == 413;
            return tooMuch
                    ? new Rejection(HttpStatus.CONTENT_TOO_LARGE, tooLarge(request), "form too large")
                    : new Rejection(
                            HttpStatus.BAD_REQUEST, MALFORMED_FORM, e.getClass().getSimpleName());
        }
        parameters.forEach((name, values) -> {
            if (!queryNames.contains(name)) {
                for (String value : values) {
                    check(name, value, "body", unstorable);
                }
            }
        });
        return null;
    }

    private long bodyLimit(HttpServletRequest request) {
        return hasType(request, MediaType.MULTIPART_FORM_DATA)
                ? limits.maxUploadRequestBytes()
                : limits.maxBodySize().toBytes();
    }

    private String tooLarge(HttpServletRequest request) {
        return hasType(request, MediaType.MULTIPART_FORM_DATA)
                ? "File too large: at most " + RequestLimits.describe(limits.maxUploadSize())
                : "Request body too large: at most " + RequestLimits.describe(limits.maxBodySize());
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset.replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
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
}
