package com.parkingspots.spots.web;

import com.parkingspots.identity.UserAccounts;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.shared.web.NotFoundDetail;
import com.parkingspots.spots.internal.SpotManagement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** A user's listings, newest first, for the admin users screen; the total in {@code X-Total-Count}. */
@RestController
class AdminUserSpotsController {

    private final SpotManagement spots;
    private final JsonMapper json;
    private final UserAccounts users;

    AdminUserSpotsController(SpotManagement spots, JsonMapper json, UserAccounts users) {
        this.spots = spots;
        this.json = json;
        this.users = users;
    }

    @GetMapping("/api/v1/admin/users/{userId}/spots")
    ResponseEntity<List<SpotResponse>> spotsOf(
            Caller caller,
            @PathVariable @NotFoundDetail("User not found") UUID userId,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Not enough permissions");
        }
        if (users.profile(userId).isEmpty()) {
            throw ApiException.notFound("User not found");
        }
        SpotManagement.OwnedPage found = spots.ownedBy(userId, null, null, page, pageSize);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(found.total()))
                .body(found.spots().stream().map(s -> SpotResponse.of(s, json)).toList());
    }
}
