package com.parkingspots.payments.web;

import com.parkingspots.payments.internal.Receipts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The receipt as a printable HTML page: plain semantic markup (no script, no inline style, so it is allowed by the
 * app's Content-Security-Policy), every value from the database escaped.
 */
final class ReceiptHtml {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm (zzz)", Locale.ENGLISH);

    private ReceiptHtml() {}

    static String render(Receipts.Receipt r) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Receipt ")
                .append(e(r.receiptNumber()))
                .append(" · ")
                .append(e(r.platformName()))
                .append("</title></head><body><main>");
        html.append("<h1>").append(e(r.platformName())).append(" receipt</h1>");
        html.append("<dl>");
        item(html, "Receipt number", r.receiptNumber());
        item(html, "Issued", when(r.issuedAt(), r));
        item(html, "Billed to", r.billedTo());
        item(html, "Parking owner", r.ownerName());
        item(
                html,
                "Spot",
                r.spot().title() + ", " + r.spot().address() + ", " + r.spot().city());
        item(html, "Stay", when(r.startTime(), r) + " – " + when(r.endTime(), r));
        item(html, "Booking", r.bookingId() + " (" + r.bookingStatus() + ")");
        html.append("</dl>");
        html.append("<h2>Payments</h2><table><thead><tr><th>For</th><th>Item</th><th>Amount</th></tr></thead><tbody>");
        for (Receipts.PaymentLine p : r.payments()) {
            String period = when(p.periodStart(), r) + " – " + when(p.periodEnd(), r);
            for (Receipts.LineItem line : p.lineItems()) {
                html.append("<tr><td>")
                        .append(e(period))
                        .append("</td><td>")
                        .append(e(line.description()))
                        .append("</td><td>")
                        .append(e(money(line.amount(), r.currency())))
                        .append("</td></tr>");
            }
            html.append("<tr><td>")
                    .append(e(p.paidAt() == null ? "not paid" : "paid " + when(p.paidAt(), r)))
                    .append("</td><td>")
                    .append(e("Total (" + p.method() + (p.lastFour() == null ? "" : " ··" + p.lastFour()) + ", "
                            + p.status() + ")"))
                    .append("</td><td><strong>")
                    .append(e(money(p.amount(), r.currency())))
                    .append("</strong></td></tr>");
        }
        html.append("</tbody></table>");
        if (!r.refunds().isEmpty()) {
            html.append("<h2>Refunds</h2><table><thead><tr><th>Date</th><th>Status</th><th>Amount</th></tr></thead>")
                    .append("<tbody>");
            for (Receipts.RefundLine refund : r.refunds()) {
                html.append("<tr><td>")
                        .append(e(when(refund.updatedAt(), r)))
                        .append("</td><td>")
                        .append(e(refund.status() + (refund.reason() == null ? "" : " · " + refund.reason())))
                        .append("</td><td>")
                        .append(e("−" + money(refund.amount(), r.currency())))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        var t = r.totals();
        html.append("<h2>Totals</h2><dl>");
        item(html, "Parking", money(t.subtotal(), r.currency()));
        item(html, "Service fee", money(t.serviceFee(), r.currency()));
        item(html, "Paid", money(t.paid(), r.currency()));
        item(html, "Refunded", money(t.refunded(), r.currency()));
        item(html, "Net", money(t.net(), r.currency()));
        html.append("</dl></main></body></html>");
        return html.toString();
    }

    private static void item(StringBuilder html, String term, String value) {
        html.append("<dt>").append(e(term)).append("</dt><dd>").append(e(value)).append("</dd>");
    }

    private static String when(@Nullable Instant instant, Receipts.Receipt r) {
        return instant == null ? "" : WHEN.format(instant.atZone(r.timeZone()));
    }

    static String money(long minor, String currency) {
        int digits;
        String code = currency.toUpperCase(Locale.ROOT);
        try {
            digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return code + " " + BigDecimal.valueOf(minor, digits).toPlainString();
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
