package com.parkingspots.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error the API returns is JSON with a {@code detail} (CONTRACT.md Decision 5): a string for most errors, and
 * FastAPI's list of {@code {type, loc, msg}} for 422 validation errors. Unexpected exceptions become
 * {@code 500 {"detail":"Internal Server Error"}}, with the stack trace in the log only.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    static final String SERVICE_UNAVAILABLE = "Service temporarily unavailable, try again shortly";
    static final String UNSTORABLE = "Invalid input: a value is out of range or cannot be stored";

    private final RequestLimits limits;

    ApiExceptionHandler(ObjectProvider<RequestLimits> limits) {
        // (a web slice test has no configuration properties: the defaults then)
        this.limits = limits.getIfAvailable(RequestLimits::defaults);
    }

    public static ResponseEntity<Map<String, Object>> error(HttpStatusCode status, Object detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        // Set explicitly: an error is JSON even for a client that asked for HTML (never a 406 instead of the error).
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    public static ResponseEntity<Map<String, Object>> validation(List<ValidationError> errors) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, errors);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        ResponseEntity<Map<String, Object>> response = error(e.status(), e.detail());
        if (e.headers().isEmpty()) {
            return response;
        }
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::set);
        return ResponseEntity.status(e.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(response.getBody());
    }

    @ExceptionHandler(RequestValidationException.class)
    ResponseEntity<Map<String, Object>> invalid(RequestValidationException e) {
        return validation(e.errors());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, Object>> notFound() {
        return error(HttpStatus.NOT_FOUND, "Not Found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("detail", "Method Not Allowed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return error(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported Media Type: send "
                        + (e.getSupportedMediaTypes().isEmpty()
                                ? "application/json"
                                : e.getSupportedMediaTypes().getFirst().toString()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable() {
        return error(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        if (causedBy(e, BoundedBodyRequest.BodyTooLargeException.class)) {
            return bodyTooLarge();
        }
        return validation(List.of(describeUnreadable(e)));
    }

    private ResponseEntity<Map<String, Object>> bodyTooLarge() {
        return error(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large: at most " + RequestLimits.describe(limits.maxBodySize()));
    }

    /** A parameter Tomcat could not decode (the filter catches most first) or too many of them. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Map<String, Object>> invalidParameter(InvalidParameterException e) {
        return e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                ? error(HttpStatus.CONTENT_TOO_LARGE, "Too many parameters")
                : error(HttpStatus.BAD_REQUEST, MalformedRequestFilter.MALFORMED_QUERY);
    }

    /** A header or parameter the security firewall refuses when it is first read (e.g. a control character). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected() {
        return error(HttpStatus.BAD_REQUEST, "Bad Request");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalidBody(MethodArgumentNotValidException e) {
        List<ValidationError> errors = new ArrayList<>();
        for (FieldError field : e.getBindingResult().getFieldErrors()) {
            List<Object> loc = new ArrayList<>();
            loc.add("body");
            loc.addAll(Names.path(field.getField()));
            errors.add(fromConstraint(
                    field.getCode(), loc, field.getDefaultMessage(), field.getRejectedValue(), field.getArguments()));
        }
        for (ObjectError global : e.getBindingResult().getGlobalErrors()) {
            errors.add(ValidationError.of("value_error", List.of("body"), message(global.getDefaultMessage())));
        }
        return validation(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> invalidParameters(HandlerMethodValidationException e) {
        List<ValidationError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            MethodParameter parameter = result.getMethodParameter();
            String where = parameter.hasParameterAnnotation(PathVariable.class)
                    ? "path"
                    : parameter.hasParameterAnnotation(RequestHeader.class) ? "header" : "query";
            if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
                where = "body";
            }
            String name = where.equals("body") ? null : parameterName(parameter);
            for (var error : result.getResolvableErrors()) {
                List<Object> loc = new ArrayList<>();
                loc.add(where);
                if (error instanceof FieldError field) {
                    loc.addAll(Names.path(field.getField()));
                } else if (name != null) {
                    loc.add(name);
                }
                String[] codes = error.getCodes();
                String code = codes == null || codes.length == 0 ? null : codes[codes.length - 1];
                errors.add(fromConstraint(
                        code, loc, error.getDefaultMessage(), result.getArgument(), error.getArguments()));
            }
        });
        return validation(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> constraintViolation(ConstraintViolationException e) {
        List<ValidationError> errors = e.getConstraintViolations().stream()
                .map(v -> {
                    List<Object> loc = new ArrayList<>();
                    loc.add("body");
                    String path = v.getPropertyPath().toString();
                    loc.addAll(Names.path(path.contains(".") ? path.substring(path.indexOf('.') + 1) : path));
                    String code = v.getConstraintDescriptor()
                            .getAnnotation()
                            .annotationType()
                            .getSimpleName();
                    return fromConstraint(code, loc, v.getMessage(), v.getInvalidValue(), null);
                })
                .toList();
        return validation(errors);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return validation(
                List.of(ValidationError.of("missing", List.of("query", e.getParameterName()), "Field required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e) {
        return validation(
                List.of(ValidationError.of("missing", List.of("header", e.getHeaderName()), "Field required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, Object>> missingPart(MissingServletRequestPartException e) {
        return validation(
                List.of(ValidationError.of("missing", List.of("body", e.getRequestPartName()), "Field required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        MethodParameter parameter = e.getParameter();
        if (parameter.hasParameterAnnotation(PathVariable.class)) {
            NotFoundDetail detail = parameter.getParameterAnnotation(NotFoundDetail.class);
            return error(HttpStatus.NOT_FOUND, detail != null ? detail.value() : "Not Found");
        }
        Class<?> type = e.getRequiredType() == null ? Object.class : e.getRequiredType();
        String where = parameter.hasParameterAnnotation(RequestHeader.class) ? "header" : "query";
        return validation(List.of(new ValidationError(
                typeCode(type), List.of(where, e.getName()), typeMessage(type), e.getValue(), null)));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge() {
        return error(
                HttpStatus.CONTENT_TOO_LARGE,
                "File too large: at most " + RequestLimits.describe(limits.maxUploadSize()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> badMultipart() {
        return error(HttpStatus.BAD_REQUEST, "Malformed multipart request");
    }

    /**
     * The database could not be reached in time: every pooled connection is busy (overload) or the server is down. A
     * 503 with {@code Retry-After} tells clients and load balancers to back off, instead of a 500 that looks like a bug.
     */
    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class,
        QueryTimeoutException.class
    })
    ResponseEntity<Map<String, Object>> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn(
                "Database unavailable on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Map.of("detail", SERVICE_UNAVAILABLE));
    }

    /**
     * The last line of defence for input the request checks did not catch: PostgreSQL refusing a value (SQLSTATE class
     * 22, "data exception": out of range, not storable) is the client's doing, not a server fault. One WARN line, so the
     * missing check can be added where it belongs.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, Object>> dataAccess(DataAccessException e, HttpServletRequest request) {
        String state = sqlState(e);
        if (state == null || !state.startsWith("22")) {
            return unexpected(e, request);
        }
        log.warn(
                "Database refused a value on {} {}: SQLSTATE {}",
                request.getMethod(),
                ErrorResponses.loggable(request.getRequestURI()),
                state);
        return error(HttpStatus.BAD_REQUEST, UNSTORABLE);
    }

    private static @Nullable String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return firstOf(e, type) != null;
    }

    private static <T extends Throwable> @Nullable T firstOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientWentAway() {
        // the client closed the connection: nothing to answer
    }

    private static ResponseEntity<Map<String, Object>> springError(Exception e, ErrorResponse response) {
        HttpStatusCode status = response.getStatusCode();
        String reason = response.getBody().getDetail();
        if (reason == null || status.is5xxServerError()) {
            HttpStatus known = HttpStatus.resolve(status.value());
            reason = known != null ? known.getReasonPhrase() : "Error";
        }
        if (status.is5xxServerError()) {
            log.error("Request failed", e);
        }
        return ResponseEntity.status(status).headers(response.getHeaders()).body(Map.of("detail", reason));
    }

    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse response) {
            return springError(e, response);
        }
        if (firstOf(e, ClientAbortException.class) != null) {
            // the client closed the connection while we wrote (a broken pipe): nobody is left to answer or to alarm
            log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error");
    }

    private static ValidationError describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        InputCoercionException coercion = firstOf(e, InputCoercionException.class);
        if (coercion != null) {
            // a number beyond what the field can hold (10**25 for an int): FastAPI's shape for an oversized integer
            return new ValidationError(
                    "int_parsing_size",
                    location(
                            cause instanceof JacksonException jackson
                                            && !jackson.getPath().isEmpty()
                                    ? jackson
                                    : coercion),
                    "Unable to parse input as an integer, exceeded maximum size",
                    null,
                    null);
        }
        if (cause instanceof JacksonException jackson && !(cause instanceof DatabindException)) {
            long offset =
                    jackson.getLocation() == null ? 0 : jackson.getLocation().getCharOffset();
            return new ValidationError(
                    "json_invalid",
                    List.of("body", Math.max(0, offset)),
                    "JSON decode error",
                    null,
                    Map.of("error", firstLine(jackson.getOriginalMessage())));
        }
        if (cause instanceof DatabindException databind) {
            List<Object> loc = location(databind);
            if (cause instanceof UnrecognizedPropertyException) {
                return new ValidationError("extra_forbidden", loc, "Extra inputs are not permitted", null, null);
            }
            if (cause instanceof InvalidFormatException invalid) {
                Class<?> target = invalid.getTargetType() == null ? Object.class : invalid.getTargetType();
                return new ValidationError(typeCode(target), loc, typeMessage(target), invalid.getValue(), null);
            }
            if (cause instanceof MismatchedInputException mismatch) {
                Class<?> target = mismatch.getTargetType() == null ? Object.class : mismatch.getTargetType();
                if (loc.size() == 1 && mismatch.getTargetType() != null && !isScalar(target)) {
                    return new ValidationError(
                            "model_attributes_type",
                            loc,
                            "Input should be a valid dictionary or object to extract fields from",
                            null,
                            null);
                }
                return new ValidationError(typeCode(target), loc, typeMessage(target), null, null);
            }
            return new ValidationError(
                    "value_error", loc, "Value error, " + firstLine(databind.getOriginalMessage()), null, null);
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return ValidationError.of("missing", List.of("body"), "Field required");
        }
        return ValidationError.of("json_invalid", List.of("body"), "JSON decode error");
    }

    private static List<Object> location(JacksonException databind) {
        List<Object> loc = new ArrayList<>();
        loc.add("body");
        for (JacksonException.Reference ref : databind.getPath()) {
            if (ref.getPropertyName() != null) {
                loc.add(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                loc.add(ref.getIndex());
            }
        }
        return loc;
    }

    private static boolean isScalar(Class<?> type) {
        return type.isPrimitive()
                || Number.class.isAssignableFrom(type)
                || type == String.class
                || type == Boolean.class
                || type == UUID.class
                || type.isEnum()
                || java.time.temporal.Temporal.class.isAssignableFrom(type);
    }

    private static String typeCode(Class<?> type) {
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class) {
            return "int_parsing";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "float_parsing";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "bool_parsing";
        }
        if (type == UUID.class) {
            return "uuid_parsing";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "datetime_from_date_parsing";
        }
        if (type == String.class) {
            return "string_type";
        }
        return "value_error";
    }

    private static String typeMessage(Class<?> type) {
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class) {
            return "Input should be a valid integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "Input should be a valid number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "Input should be a valid boolean";
        }
        if (type == UUID.class) {
            return "Input should be a valid UUID";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                if (i > 0) {
                    values.append(i == constants.length - 1 ? " or " : ", ");
                }
                values.append('\'')
                        .append(constants[i].toString().toLowerCase())
                        .append('\'');
            }
            return "Input should be " + values;
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "Input should be a valid datetime";
        }
        if (type == String.class) {
            return "Input should be a valid string";
        }
        return "Input is not valid";
    }

    private static ValidationError fromConstraint(
            @Nullable String code,
            List<Object> loc,
            @Nullable String message,
            @Nullable Object input,
            Object @Nullable [] arguments) {
        String constraint = code == null ? "" : code;
        String msg = message(message);
        String type = switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "missing";
            case "Size", "Length" -> input instanceof CharSequence ? "string_length" : "length";
            case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> "greater_than_equal";
            case "Max", "DecimalMax", "Negative", "NegativeOrZero" -> "less_than_equal";
            case "Email" -> "value_error";
            case "Pattern" -> "string_pattern_mismatch";
            default -> "value_error";
        };
        if (type.equals("missing") && input == null) {
            msg = "Field required";
        }
        return new ValidationError(
                type,
                loc,
                msg,
                input instanceof CharSequence || input instanceof Number || input instanceof Boolean ? input : null,
                null);
    }

    private static String message(@Nullable String message) {
        return message == null || message.isBlank() ? "Invalid value" : message;
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "invalid input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String parameterName(MethodParameter parameter) {
        var requestParam = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        var pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "value" : Names.snake(name);
    }
}
