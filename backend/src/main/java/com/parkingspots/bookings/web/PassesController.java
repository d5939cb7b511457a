package com.parkingspots.bookings.web;

import com.parkingspots.bookings.internal.Actor;
import com.parkingspots.bookings.internal.Booking;
import com.parkingspots.bookings.internal.Passes;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.NotFoundDetail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Parking passes (ADR 0011): the driver's pass of a booking, the owner's check of one, and the key that signs them. */
@RestController
class PassesController {

    record SpotInPass(
            UUID id,
            String title,
            String address,
            String city,
            double latitude,
            double longitude,
            String timeZone,
            @Nullable String accessInstructions) {}

    /**
     * {@code code}: typed or read out at a gate; {@code qr_text}: what the QR code holds (Ed25519-signed, checkable
     * offline with {@code GET /passes/public-key}); {@code qr_svg}: the QR code as an SVG document.
     */
    record PassResponse(
            UUID bookingId,
            String status,
            String code,
            String qrText,
            String qrSvg,
            Instant validFrom,
            Instant validUntil,
            SpotInPass spot,
            @Nullable String vehiclePlate,
            @Nullable String vehicleMake,
            @Nullable String vehicleModel,
            @Nullable String vehicleColor) {}

    /** A typed pass code ({@code 7KQ2M-9XF4T}, any case, with or without the hyphen) or a scanned QR text. */
    record VerifyRequest(@NotNull @Size(max = 400) String code) {}

    /** {@code reason} (invalid passes only): {@code not_this_spot}, {@code not_started}, {@code ended}, {@code cancelled}, {@code unknown}. */
    record VerifyResponse(
            boolean valid,
            @Nullable UUID bookingId,
            @Nullable String vehiclePlate,
            @Nullable Instant validFrom,
            @Nullable Instant validUntil,
            @Nullable String reason) {}

    private final Passes passes;

    PassesController(Passes passes) {
        this.passes = passes;
    }

    /** The booker, the spot's owner or an admin; only while the booking is confirmed or in progress. */
    @GetMapping("/api/v1/bookings/{bookingId}/pass")
    PassResponse pass(Caller caller, @PathVariable @NotFoundDetail("Booking not found") UUID bookingId) {
        Passes.Pass pass = passes.pass(Actor.of(caller), bookingId);
        Booking b = pass.booking();
        var spot = pass.spot();
        return new PassResponse(
                b.id(),
                b.status().value(),
                pass.code(),
                pass.qrText(),
                pass.qrSvg(),
                pass.validFrom(),
                b.endTime(),
                new SpotInPass(
                        spot.id(),
                        spot.title(),
                        spot.address(),
                        spot.city(),
                        spot.latitude(),
                        spot.longitude(),
                        spot.timeZone().getId(),
                        spot.accessInstructions()),
                b.vehiclePlate(),
                b.vehicleMake(),
                b.vehicleModel(),
                b.vehicleColor());
    }

    /** The spot's owner or an admin checks a pass presented at this spot. */
    @PostMapping("/api/v1/parking-spots/{spotId}/passes/verify")
    VerifyResponse verify(
            Caller caller,
            @PathVariable @NotFoundDetail("Parking spot not found") UUID spotId,
            @Valid @RequestBody VerifyRequest request) {
        Passes.Verdict verdict = passes.verify(caller, spotId, request.code());
        Booking b = verdict.booking();
        return new VerifyResponse(
                verdict.valid(),
                b == null ? null : b.id(),
                b == null ? null : b.vehiclePlate(),
                verdict.validFrom(),
                b == null ? null : b.endTime(),
                verdict.reason() == null ? null : verdict.reason().value());
    }

    /** Public: the Ed25519 key (a JSON Web Key) that signs every pass's QR text. */
    @GetMapping("/api/v1/passes/public-key")
    Map<String, String> publicKey() {
        return passes.publicKey();
    }
}
