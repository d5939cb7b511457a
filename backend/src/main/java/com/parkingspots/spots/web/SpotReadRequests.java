package com.parkingspots.spots.web;

import com.parkingspots.shared.web.CpuBoundRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The spot reads answered from the in-memory marketplace: {@code GET /api/v1/parking-spots}, {@code /search} and
 * {@code /{id}} (not the owner's list or the availability rules, which the database answers).
 */
@Component
class SpotReadRequests implements CpuBoundRequests {

    private static final String PREFIX = "/api/v1/parking-spots";

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI();
        return path.startsWith(PREFIX)
                && (path.length() == PREFIX.length() || path.charAt(PREFIX.length()) == '/')
                && !path.endsWith("/my-spots")
                && !path.endsWith("/availability");
    }
}
