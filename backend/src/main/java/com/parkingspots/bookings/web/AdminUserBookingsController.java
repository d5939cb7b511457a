package com.parkingspots.bookings.web;

import com.parkingspots.bookings.internal.Booking;
import com.parkingspots.bookings.internal.BookingExtensions;
import com.parkingspots.bookings.internal.BookingManagement;
import com.parkingspots.bookings.internal.BookingProperties;
import com.parkingspots.bookings.internal.Extension;
import com.parkingspots.identity.UserAccounts;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.shared.web.NotFoundDetail;
import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotSnapshot;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's bookings as a driver, newest first, for the admin users screen; the total in {@code X-Total-Count}. */
@RestController
class AdminUserBookingsController {

    private final BookingManagement bookings;
    private final BookingExtensions extensions;
    private final SpotCatalog spots;
    private final BookingProperties properties;
    private final UserAccounts users;

    AdminUserBookingsController(
            BookingManagement bookings,
            BookingExtensions extensions,
            SpotCatalog spots,
            BookingProperties properties,
            UserAccounts users) {
        this.users = users;
        this.bookings = bookings;
        this.extensions = extensions;
        this.spots = spots;
        this.properties = properties;
    }

    @GetMapping("/api/v1/admin/users/{userId}/bookings")
    ResponseEntity<List<BookingResponse>> bookingsOf(
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
        List<Booking> all = bookings.mine(userId, null);
        int from = (int) Math.min(all.size(), (long) (page - 1) * pageSize);
        List<Booking> list = all.subList(from, Math.min(all.size(), from + pageSize));
        Map<UUID, SpotSnapshot> byId =
                spots.findAll(list.stream().map(Booking::spotId).collect(Collectors.toSet()));
        Map<UUID, Extension> pending = extensions.pendingOf(list.stream()
                .filter(b -> b.status().holdsSlot())
                .map(Booking::id)
                .toList());
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(all.size()))
                .body(list.stream()
                        .map(b -> BookingResponse.of(
                                b, byId.get(b.spotId()), properties.checkInOpensBefore(), pending.get(b.id())))
                        .toList());
    }
}
