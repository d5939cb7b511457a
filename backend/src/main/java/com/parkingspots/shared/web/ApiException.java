package com.parkingspots.shared.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A client-visible failure: its status and its {@code detail} go out as they are, as {@code {"detail": "…"}}. Modules
 * extend it with named exceptions ({@code BookingNotFound}) or use the factories.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> headers;

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, Map.of());
    }

    public ApiException(HttpStatus status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail, Map.of("WWW-Authenticate", "Bearer"));
    }
}
