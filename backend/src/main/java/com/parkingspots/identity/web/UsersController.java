package com.parkingspots.identity.web;

import com.parkingspots.identity.internal.AccountManagement;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.shared.web.NotFoundDetail;
import com.parkingspots.shared.web.PartialUpdate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** CONTRACT.md 3.3: the signed-in user's own account, and public profiles. */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    record ChangePasswordRequest(
            @NotNull String currentPassword, @NotNull String newPassword) {}

    private final AccountManagement accounts;

    UsersController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/me")
    UserResponse me(Caller caller) {
        return UserResponse.of(accounts.get(caller.id()));
    }

    @PutMapping("/me")
    UserResponse update(Caller caller, @RequestBody JsonNode body) {
        return UserResponse.of(accounts.updateProfile(caller.id(), new PartialUpdate(body)));
    }

    @PostMapping("/me/change-password")
    Map<String, String> changePassword(Caller caller, @Valid @RequestBody ChangePasswordRequest request) {
        accounts.changePassword(caller.id(), request.currentPassword(), request.newPassword());
        return Map.of("message", "Password changed successfully");
    }

    @DeleteMapping("/me")
    Map<String, String> delete(Caller caller) {
        accounts.deactivate(caller.id());
        return Map.of("message", "Account deactivated successfully");
    }

    @GetMapping("/{userId}")
    PublicUserResponse profile(@PathVariable @NotFoundDetail("User not found") UUID userId) {
        var user = accounts.get(userId);
        if (!user.active()) {
            throw ApiException.notFound("User not found");
        }
        return PublicUserResponse.of(user);
    }
}
