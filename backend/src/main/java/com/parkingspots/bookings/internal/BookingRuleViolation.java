package com.parkingspots.bookings.internal;

import com.parkingspots.shared.web.ApiException;
import org.springframework.http.HttpStatus;

/** A transition the booking refuses: 400 when the state does not allow it, 403 when the actor may not make it. */
public final class BookingRuleViolation extends ApiException {

    private BookingRuleViolation(HttpStatus status, String detail) {
        super(status, detail);
    }

    static BookingRuleViolation badTransition(String detail) {
        return new BookingRuleViolation(HttpStatus.BAD_REQUEST, detail);
    }

    static BookingRuleViolation notAllowed(String detail) {
        return new BookingRuleViolation(HttpStatus.FORBIDDEN, detail);
    }
}
