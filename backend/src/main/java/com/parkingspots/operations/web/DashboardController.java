package com.parkingspots.operations.web;

import com.parkingspots.operations.internal.Dashboard;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin dashboard's figures; the web client polls it every few seconds. */
@RestController
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    /**
     * This instance's request rate, latency and error rates and spot cache hit rate over the last window, database
     * pool, job lag over 5 minutes, payments since start, WebSocket connections and JVM figures; bookings made,
     * confirmed and cancelled today (UTC, all instances). Numbers are null while there is no data.
     */
    @GetMapping("/api/v1/admin/dashboard")
    ResponseEntity<Dashboard.Figures> dashboard(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Not authorized");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(dashboard.figures());
    }
}
