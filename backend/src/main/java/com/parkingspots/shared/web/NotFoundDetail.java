package com.parkingspots.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code detail} of the 404 returned when this path variable is not a well-formed id, e.g.
 * {@code @PathVariable @NotFoundDetail("Booking not found") UUID id}: a malformed id names no resource, so it gets the
 * same answer as an unknown one (never a 500, never a 422).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface NotFoundDetail {
    String value();
}
