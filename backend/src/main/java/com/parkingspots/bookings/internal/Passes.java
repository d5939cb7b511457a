package com.parkingspots.bookings.internal;

import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotSnapshot;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Parking passes (ADR 0011): what a driver shows at the gate, and the owner's check of it. A pass is valid from when
 * check-in opens until the booking ends, while the booking is confirmed or in progress.
 */
@Service
public class Passes {

    /** Why a pass is not valid (null when it is). */
    public enum Reason {
        NOT_THIS_SPOT,
        NOT_STARTED,
        ENDED,
        CANCELLED,
        UNKNOWN;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Pass(
            Booking booking, SpotSnapshot spot, String code, String qrText, String qrSvg, Instant validFrom) {}

    public record Verdict(
            boolean valid,
            @Nullable Booking booking,
            @Nullable Instant validFrom,
            @Nullable Reason reason) {}

    private final BookingRepository bookings;
    private final SpotCatalog spots;
    private final PassCodes codes;
    private final BookingProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    Passes(
            BookingRepository bookings,
            SpotCatalog spots,
            PassCodes codes,
            BookingProperties properties,
            JdbcClient jdbc,
            Clock clock) {
        this.bookings = bookings;
        this.spots = spots;
        this.codes = codes;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code GET /bookings/{id}/pass}: the booker, the spot's owner or an admin; confirmed or in progress. */
    public Pass pass(Actor actor, UUID bookingId) {
        Booking booking = bookings.find(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
        if (!booking.isVisibleTo(actor)) {
            throw ApiException.forbidden("Not authorized to view this booking");
        }
        if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.IN_PROGRESS) {
            throw ApiException.badRequest(
                    booking.status() == BookingStatus.PENDING
                            ? "The pass is issued once the booking is paid"
                            : "This booking has no valid pass (it is " + passlessState(booking.status()) + ")");
        }
        SpotSnapshot spot =
                spots.find(booking.spotId()).orElseThrow(() -> ApiException.notFound("Parking spot not found"));
        String code = codes.code(booking.id());
        jdbc.sql("INSERT INTO booking_passes (booking_id, code, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(booking.id(), code, Timestamp.from(clock.instant()))
                .update();
        Instant validFrom = validFrom(booking);
        String qrText = codes.token(code, booking.id(), spot.id(), validFrom, booking.endTime());
        return new Pass(booking, spot, code, qrText, QrSvg.of(qrText), validFrom);
    }

    /**
     * {@code POST /parking-spots/{id}/passes/verify}: the spot's owner or an admin checks a typed code or a scanned QR
     * text. A pass of another spot says only {@code not_this_spot}: nothing about a booking that is not theirs.
     */
    public Verdict verify(Caller caller, UUID spotId, String presented) {
        SpotSnapshot spot = spots.find(spotId).orElseThrow(() -> ApiException.notFound("Parking spot not found"));
        if (!caller.isAdmin() && !caller.is(spot.ownerId())) {
            throw ApiException.forbidden("Not authorized");
        }
        Optional<UUID> bookingId = presented.strip().startsWith(PassCodes.TOKEN_PREFIX)
                ? codes.verify(presented.strip()).map(PassCodes.Signed::bookingId)
                : Optional.ofNullable(PassCodes.normalise(presented)).flatMap(this::bookingWithCode);
        Booking booking = bookingId.flatMap(bookings::find).orElse(null);
        if (booking == null) {
            return new Verdict(false, null, null, Reason.UNKNOWN);
        }
        if (!booking.spotId().equals(spotId)) {
            return new Verdict(false, null, null, Reason.NOT_THIS_SPOT);
        }
        Instant now = clock.instant();
        Instant from = validFrom(booking);
        Reason reason = switch (booking.status()) {
            case CANCELLED, REFUNDED -> Reason.CANCELLED;
            case COMPLETED -> Reason.ENDED;
            case PENDING -> Reason.UNKNOWN;
            case CONFIRMED, IN_PROGRESS ->
                !now.isBefore(booking.endTime()) ? Reason.ENDED : now.isBefore(from) ? Reason.NOT_STARTED : null;
        };
        return new Verdict(reason == null, booking, from, reason);
    }

    /** The public key that signs QR texts, as a JSON Web Key. */
    public Map<String, String> publicKey() {
        return codes.publicJwk();
    }

    /** A refunded booking was cancelled first: the driver reads the same word whether the refund has landed yet. */
    private static String passlessState(BookingStatus status) {
        return status == BookingStatus.REFUNDED ? BookingStatus.CANCELLED.toString() : status.toString();
    }

    private Instant validFrom(Booking booking) {
        return booking.startTime().minus(properties.checkInOpensBefore());
    }

    private Optional<UUID> bookingWithCode(String code) {
        return jdbc.sql("SELECT booking_id FROM booking_passes WHERE code = ?")
                .param(code)
                .query(UUID.class)
                .optional();
    }
}
