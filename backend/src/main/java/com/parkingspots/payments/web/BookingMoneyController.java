package com.parkingspots.payments.web;

import com.parkingspots.payments.internal.Receipts;
import com.parkingspots.payments.internal.RefundQuotes;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.NotFoundDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A booking's money as the driver sees it (ADR 0011): its receipt, and what cancelling now would refund. */
@RestController
class BookingMoneyController {

    record RefundQuoteResponse(
            UUID bookingId,
            boolean cancellable,
            String tier,
            long refundAmount,
            long paidAmount,
            long alreadyRefunded,
            String currency,
            Instant fullRefundUntil,
            Instant partialRefundUntil,
            String policy,
            Instant asOf) {}

    record Party(String name) {}

    record SpotInReceipt(UUID id, String title, String address, String city, String timeZone) {}

    record ReceiptResponse(
            String receiptNumber,
            Instant issuedAt,
            UUID bookingId,
            String bookingStatus,
            String currency,
            Party platform,
            Party owner,
            Party billedTo,
            SpotInReceipt spot,
            Instant startTime,
            Instant endTime,
            List<Receipts.PaymentLine> payments,
            List<Receipts.RefundLine> refunds,
            Receipts.Totals totals) {}

    private final RefundQuotes quotes;
    private final Receipts receipts;

    BookingMoneyController(RefundQuotes quotes, Receipts receipts) {
        this.quotes = quotes;
        this.receipts = receipts;
    }

    /** The booker or the spot's owner: what a cancellation by them now would give back, and the policy. */
    @GetMapping("/api/v1/bookings/{bookingId}/refund-quote")
    RefundQuoteResponse refundQuote(Caller caller, @PathVariable @NotFoundDetail("Booking not found") UUID bookingId) {
        RefundQuotes.Quote q = quotes.quote(caller, bookingId);
        return new RefundQuoteResponse(
                q.bookingId(),
                q.cancellable(),
                q.tier().name().toLowerCase(Locale.ROOT),
                q.refundAmount(),
                q.paidAmount(),
                q.alreadyRefunded(),
                q.currency(),
                q.fullRefundUntil(),
                q.partialRefundUntil(),
                q.policy(),
                q.asOf());
    }

    @Operation(
            summary = "The booking's receipt",
            description = "The booker or an admin. JSON by default; a printable HTML page with Accept: text/html.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ReceiptResponse.class)),
                @Content(mediaType = "text/html", schema = @Schema(type = "string"))
            })
    @GetMapping("/api/v1/bookings/{bookingId}/receipt")
    ResponseEntity<?> receipt(
            Caller caller,
            @PathVariable @NotFoundDetail("Booking not found") UUID bookingId,
            @RequestHeader(name = "Accept", required = false) @Nullable String accept) {
        Receipts.Receipt r = receipts.of(caller, bookingId);
        if (prefersHtml(accept)) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                    .body(ReceiptHtml.render(r));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ReceiptResponse(
                        r.receiptNumber(),
                        r.issuedAt(),
                        r.bookingId(),
                        r.bookingStatus(),
                        r.currency(),
                        new Party(r.platformName()),
                        new Party(r.ownerName()),
                        new Party(r.billedTo()),
                        new SpotInReceipt(
                                r.spot().id(),
                                r.spot().title(),
                                r.spot().address(),
                                r.spot().city(),
                                r.timeZone().getId()),
                        r.startTime(),
                        r.endTime(),
                        r.payments(),
                        r.refunds(),
                        r.totals()));
    }

    /** HTML only when the client ranks it above JSON (a browser's navigation); JSON otherwise, garbage included. */
    static boolean prefersHtml(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = 0;
        double json = 0;
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                double q = type.getQualityValue();
                if (type.getType().equals("text") && type.getSubtype().equals("html")) {
                    html = Math.max(html, q);
                } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                    json = Math.max(json, q);
                }
            }
        } catch (IllegalArgumentException malformed) { // InvalidMediaTypeException included
            return false;
        }
        return html > 0 && html >= json;
    }
}
