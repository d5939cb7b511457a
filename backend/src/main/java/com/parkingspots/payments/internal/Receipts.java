package com.parkingspots.payments.internal;

import com.parkingspots.bookings.BookingView;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.bookings.ExtensionView;
import com.parkingspots.identity.UserAccounts;
import com.parkingspots.identity.UserProfile;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotSnapshot;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A booking's receipt: every payment (the booking's and its extensions') with its line items, every refund, and the
 * totals, under a receipt number given once per booking ({@code PS-<year>-<number>}).
 */
@Service
public class Receipts {

    public static final String PLATFORM = "ParkingSpots";

    public record LineItem(String description, long amount) {}

    /** {@code kind}: {@code booking} or {@code extension}; the period is what the payment paid for. */
    public record PaymentLine(
            UUID id,
            String kind,
            @Nullable UUID extensionId,
            Instant periodStart,
            Instant periodEnd,
            List<LineItem> lineItems,
            long subtotal,
            long serviceFee,
            long amount,
            String status,
            String method,
            @Nullable String cardBrand,
            @Nullable String lastFour,
            @Nullable Instant paidAt) {}

    public record RefundLine(
            UUID id,
            UUID paymentId,
            long amount,
            String status,
            @Nullable String reason,
            Instant createdAt,
            Instant updatedAt) {}

    public record Totals(long subtotal, long serviceFee, long paid, long refunded, long net) {}

    public record Receipt(
            String receiptNumber,
            Instant issuedAt,
            UUID bookingId,
            String bookingStatus,
            String currency,
            String platformName,
            String ownerName,
            String billedTo,
            SpotSnapshot spot,
            ZoneId timeZone,
            Instant startTime,
            Instant endTime,
            List<PaymentLine> payments,
            List<RefundLine> refunds,
            Totals totals) {}

    private final Bookings bookings;
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final SpotCatalog spots;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Receipts(
            Bookings bookings,
            PaymentRepository payments,
            RefundRepository refunds,
            SpotCatalog spots,
            UserAccounts accounts,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.bookings = bookings;
        this.payments = payments;
        this.refunds = refunds;
        this.spots = spots;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** {@code GET /bookings/{id}/receipt}: the booker or an admin. */
    public Receipt of(Caller caller, UUID bookingId) {
        BookingView booking = bookings.find(bookingId).orElseThrow(() -> ApiException.notFound("Booking not found"));
        if (!caller.isAdmin() && !caller.is(booking.userId())) {
            throw ApiException.forbidden("Not authorized to view this receipt");
        }
        SpotSnapshot spot =
                spots.find(booking.spotId()).orElseThrow(() -> ApiException.notFound("Parking spot not found"));
        Map<UUID, ExtensionView> extensions = bookings.extensionsOf(bookingId).stream()
                .collect(Collectors.toMap(ExtensionView::id, Function.identity()));
        long extensionSubtotals = extensions.values().stream()
                .filter(ExtensionView::confirmed)
                .mapToLong(ExtensionView::subtotal)
                .sum();
        long extensionFees = extensions.values().stream()
                .filter(ExtensionView::confirmed)
                .mapToLong(ExtensionView::serviceFee)
                .sum();
        Instant originalEnd = extensions.values().stream()
                .filter(ExtensionView::confirmed)
                .map(ExtensionView::previousEndTime)
                .min(Instant::compareTo)
                .orElse(booking.endTime());

        List<PaymentLine> paymentLines = new ArrayList<>();
        List<RefundLine> refundLines = new ArrayList<>();
        long subtotal = 0;
        long fees = 0;
        long paid = 0;
        long refunded = 0;
        for (Payment payment : payments.allOfBooking(bookingId)) {
            ExtensionView extension = payment.extensionId() == null ? null : extensions.get(payment.extensionId());
            long lineSubtotal = extension != null ? extension.subtotal() : booking.subtotal() - extensionSubtotals;
            long lineFee = extension != null ? extension.serviceFee() : booking.serviceFee() - extensionFees;
            // what was charged is the truth; the split follows the booking's figures
            if (lineSubtotal + lineFee != payment.amount()) {
                lineFee = payment.amount() - Math.min(lineSubtotal, payment.amount());
                lineSubtotal = payment.amount() - lineFee;
            }
            Instant from = extension != null ? extension.previousEndTime() : booking.startTime();
            Instant to = extension != null ? extension.newEndTime() : originalEnd;
            paymentLines.add(new PaymentLine(
                    payment.id(),
                    extension != null ? "extension" : "booking",
                    payment.extensionId(),
                    from,
                    to,
                    List.of(
                            new LineItem(extension != null ? "Extension of the stay" : "Parking", lineSubtotal),
                            new LineItem("Service fee", lineFee)),
                    lineSubtotal,
                    lineFee,
                    payment.amount(),
                    payment.status().value(),
                    payment.paymentMethod() == null ? payment.provider() : payment.paymentMethod(),
                    payment.cardBrand(),
                    payment.lastFour(),
                    payment.paidAt()));
            if (payment.captured()) {
                subtotal += lineSubtotal;
                fees += lineFee;
                paid += payment.amount();
            }
            for (PaymentRefund refund : refunds.byPayment(payment.id())) {
                refundLines.add(new RefundLine(
                        refund.id(),
                        payment.id(),
                        refund.amount(),
                        refund.status(),
                        refund.reason(),
                        refund.createdAt(),
                        refund.updatedAt()));
                if (refund.succeeded()) {
                    refunded += refund.amount();
                }
            }
        }
        Number number = number(bookingId);
        String owner =
                accounts.profile(booking.ownerId()).map(UserProfile::fullName).orElse("The owner");
        String driver =
                accounts.profile(booking.userId()).map(UserProfile::fullName).orElse("The driver");
        return new Receipt(
                "PS-" + number.issuedAt().atZone(java.time.ZoneOffset.UTC).getYear() + "-"
                        + String.format(java.util.Locale.ROOT, "%06d", number.value()),
                number.issuedAt(),
                bookingId,
                booking.status().value(),
                booking.currency(),
                PLATFORM,
                owner,
                driver,
                spot,
                spot.timeZone(),
                booking.startTime(),
                booking.endTime(),
                paymentLines,
                refundLines,
                new Totals(subtotal, fees, paid, refunded, paid - refunded));
    }

    private record Number(long value, Instant issuedAt) {}

    private Number number(UUID bookingId) {
        return transactions.execute(status -> {
            jdbc.sql("INSERT INTO receipts (booking_id, issued_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(bookingId, Timestamp.from(clock.instant()))
                    .update();
            Optional<Number> found = jdbc.sql("SELECT number, issued_at FROM receipts WHERE booking_id = ?")
                    .param(bookingId)
                    .query((rs, row) -> new Number(
                            rs.getLong("number"), rs.getTimestamp("issued_at").toInstant()))
                    .optional();
            return found.orElseThrow();
        });
    }
}
