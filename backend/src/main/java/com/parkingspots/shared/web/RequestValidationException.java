package com.parkingspots.shared.web;

import java.util.List;

/** Validation done in code (partial updates, cross-field rules) that answers 422 with FastAPI's error list. */
public class RequestValidationException extends RuntimeException {

    private final List<ValidationError> errors;

    public RequestValidationException(List<ValidationError> errors) {
        super(errors.isEmpty() ? "Validation failed" : errors.getFirst().msg(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static RequestValidationException of(String type, List<Object> loc, String msg) {
        return new RequestValidationException(List.of(ValidationError.of(type, loc, msg)));
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
