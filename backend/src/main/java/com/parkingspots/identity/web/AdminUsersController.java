package com.parkingspots.identity.web;

import com.parkingspots.identity.internal.User;
import com.parkingspots.identity.internal.UserAdministration;
import com.parkingspots.identity.internal.Users;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.security.Role;
import com.parkingspots.shared.web.NotFoundDetail;
import com.parkingspots.shared.web.RequestValidationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User management for admins (spec 7.4). Everyone else gets 403 {@code Not enough permissions}. */
@RestController
@RequestMapping("/api/v1/admin/users")
class AdminUsersController {

    record RoleRequest(@NotNull String role) {}

    private final UserAdministration administration;

    AdminUsersController(UserAdministration administration) {
        this.administration = administration;
    }

    /** Newest first; the total number of matches is in {@code X-Total-Count}. */
    @GetMapping
    ResponseEntity<List<UserResponse>> list(
            Caller caller,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(name = "is_active", required = false) @Nullable Boolean isActive,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        Role roleFilter = role == null || role.isBlank() ? null : role(role, List.of("query", "role"));
        UserAdministration.Page result =
                administration.list(caller, new Users.Search(q, roleFilter, isActive), page, pageSize);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(result.total()))
                .body(result.users().stream().map(UserResponse::of).toList());
    }

    @PostMapping("/{userId}/deactivate")
    UserResponse deactivate(Caller caller, @PathVariable @NotFoundDetail("User not found") UUID userId) {
        return UserResponse.of(administration.deactivate(caller, userId));
    }

    @PostMapping("/{userId}/reactivate")
    UserResponse reactivate(Caller caller, @PathVariable @NotFoundDetail("User not found") UUID userId) {
        return UserResponse.of(administration.reactivate(caller, userId));
    }

    @PutMapping("/{userId}/role")
    UserResponse changeRole(
            Caller caller,
            @PathVariable @NotFoundDetail("User not found") UUID userId,
            @Valid @RequestBody RoleRequest request) {
        User user = administration.changeRole(caller, userId, role(request.role(), List.of("body", "role")));
        return UserResponse.of(user);
    }

    private static Role role(String value, List<Object> loc) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "renter" -> Role.RENTER;
            case "owner" -> Role.OWNER;
            case "admin" -> Role.ADMIN;
            default -> throw RequestValidationException.of("enum", loc, "Input should be 'renter', 'owner' or 'admin'");
        };
    }
}
