package com.parkingspots.identity;

import com.parkingspots.shared.security.Caller;
import java.util.Map;
import java.util.UUID;

/**
 * The audit log of admin actions: a module that lets an admin act on someone else's data records it here, in the
 * transaction of the action ({@code GET /api/v1/admin/audit} lists them).
 */
public interface AdminAudit {

    /**
     * @param action what was done, e.g. {@code user.deactivated}, {@code spot.deleted}
     * @param targetType {@code user}, {@code spot}, {@code review}, …
     * @param details what is worth keeping (the old and new role, say); JSON-serialisable values
     */
    void record(Caller admin, String action, String targetType, UUID targetId, Map<String, Object> details);
}
