package com.parkingspots.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error page, as JSON. Requests the connector refuses before any servlet runs (a request target with
 * {@code %zz}, {@code %00}, an encoded {@code /}, overlong UTF-8, a request line or headers over the limit) get
 * {@code {"detail": …}} with CORS headers instead of Tomcat's HTML page, and one log line instead of a stack trace.
 * Errors of the application never get here: they are answered by Spring MVC and {@code /error}.
 */
final class JsonErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorReportValve.class);

    private final Supplier<@Nullable ErrorResponses> errors;

    JsonErrorReportValve(Supplier<@Nullable ErrorResponses> errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = ErrorResponses.status(code);
        log.info(
                "Rejected {} {}: {} ({})",
                request.getMethod() == null ? "request" : request.getMethod(),
                ErrorResponses.loggable(request.getCoyoteRequest().requestURI().toString()),
                code,
                throwable == null
                        ? "refused by the connector"
                        : throwable.getClass().getSimpleName());
        ErrorResponses writer = errors.get();
        String detail = status.is5xxServerError() ? status.getReasonPhrase() : detail(status);
        String body = writer != null ? writer.body(detail) : "{\"detail\":\"" + status.getReasonPhrase() + "\"}";
        try {
            if (writer != null) {
                writer.allowOrigin(request, response);
            }
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer out = response.getReporter();
            if (out != null) {
                out.write(body);
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already went out: nothing left to answer
        }
    }

    private static String detail(HttpStatus status) {
        return status == HttpStatus.BAD_REQUEST
                ? "Bad Request: the request line, URL or headers are malformed"
                : status.getReasonPhrase();
    }
}
