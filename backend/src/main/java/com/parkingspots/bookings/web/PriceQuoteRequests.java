package com.parkingspots.bookings.web;

import com.parkingspots.shared.web.CpuBoundRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** {@code POST /api/v1/bookings/calculate-price}: priced from the in-memory marketplace, no database round trip. */
@Component
class PriceQuoteRequests implements CpuBoundRequests {

    @Override
    public boolean matches(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/v1/bookings/calculate-price".equals(request.getRequestURI());
    }
}
