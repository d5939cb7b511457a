package com.parkingspots.identity.web;

import com.parkingspots.identity.internal.AdminAuditLog;
import com.parkingspots.shared.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The audit log of admin actions, newest first, for admins; the total is in {@code X-Total-Count}. */
@RestController
@RequestMapping("/api/v1/admin/audit")
class AdminAuditController {

    record Actor(UUID id, String fullName, String email) {}

    record EntryResponse(
            long id,
            Instant at,
            Actor actor,
            String action,
            String targetType,
            UUID targetId,
            @Nullable String targetName,
            JsonNode details) {}

    private final AdminAuditLog audit;

    AdminAuditController(AdminAuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    ResponseEntity<List<EntryResponse>> list(
            Caller caller,
            @RequestParam(name = "actor_id", required = false) @Nullable UUID actorId,
            @RequestParam(name = "target_id", required = false) @Nullable UUID targetId,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        AdminAuditLog.Page result = audit.list(caller, actorId, targetId, page, pageSize);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(result.total()))
                .body(result.entries().stream()
                        .map(e -> new EntryResponse(
                                e.id(),
                                e.at(),
                                new Actor(e.actorId(), e.actorName(), e.actorEmail()),
                                e.action(),
                                e.targetType(),
                                e.targetId(),
                                e.targetName(),
                                e.details()))
                        .toList());
    }
}
