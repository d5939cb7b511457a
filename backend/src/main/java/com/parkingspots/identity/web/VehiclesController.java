package com.parkingspots.identity.web;

import com.parkingspots.identity.Vehicle;
import com.parkingspots.identity.internal.SavedVehicles;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.NotFoundDetail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in driver's saved vehicles (at most 10; one default, picked first in the booking form). */
@RestController
@RequestMapping("/api/v1/users/me/vehicles")
class VehiclesController {

    /** A new vehicle; the plate is stored upper case without spaces. */
    record CreateRequest(
            @NotNull @Size(min = 1, max = 30) String plate,
            @Size(max = 50) @Nullable String make,
            @Size(max = 50) @Nullable String model,
            @Size(max = 30) @Nullable String color,
            @Nullable Boolean isDefault) {}

    /** Changes to a vehicle: fields left out (or null) stay as they are; an empty make, model or colour clears it. */
    record UpdateRequest(
            @Size(min = 1, max = 30) @Nullable String plate,
            @Size(max = 50) @Nullable String make,
            @Size(max = 50) @Nullable String model,
            @Size(max = 30) @Nullable String color,
            @Nullable Boolean isDefault) {}

    record VehicleResponse(
            UUID id,
            String plate,
            @Nullable String make,
            @Nullable String model,
            @Nullable String color,
            boolean isDefault,
            Instant createdAt) {

        static VehicleResponse of(Vehicle v) {
            return new VehicleResponse(v.id(), v.plate(), v.make(), v.model(), v.color(), v.isDefault(), v.createdAt());
        }
    }

    private final SavedVehicles vehicles;

    VehiclesController(SavedVehicles vehicles) {
        this.vehicles = vehicles;
    }

    @GetMapping
    List<VehicleResponse> list(Caller caller) {
        return vehicles.of(caller.id()).stream().map(VehicleResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    VehicleResponse create(Caller caller, @Valid @RequestBody CreateRequest request) {
        return VehicleResponse.of(vehicles.create(
                caller.id(),
                new SavedVehicles.Changes(
                        request.plate(), request.make(), request.model(), request.color(), request.isDefault())));
    }

    @PutMapping("/{vehicleId}")
    VehicleResponse update(
            Caller caller,
            @PathVariable @NotFoundDetail("Vehicle not found") UUID vehicleId,
            @Valid @RequestBody UpdateRequest request) {
        return VehicleResponse.of(vehicles.update(
                caller.id(),
                vehicleId,
                new SavedVehicles.Changes(
                        request.plate(), request.make(), request.model(), request.color(), request.isDefault())));
    }

    @DeleteMapping("/{vehicleId}")
    Map<String, String> delete(Caller caller, @PathVariable @NotFoundDetail("Vehicle not found") UUID vehicleId) {
        vehicles.delete(caller.id(), vehicleId);
        return Map.of("message", "Vehicle deleted");
    }
}
