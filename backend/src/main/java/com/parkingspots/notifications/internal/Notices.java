package com.parkingspots.notifications.internal;

import com.parkingspots.bookings.BookingCancelled;
import com.parkingspots.bookings.BookingCompleted;
import com.parkingspots.bookings.BookingExtended;
import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.BookingView;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.notifications.internal.EmailTemplates.Fact;
import com.parkingspots.notifications.internal.Notifier.Notice;
import com.parkingspots.payments.RefundIssued;
import com.parkingspots.reviews.OwnerResponded;
import com.parkingspots.reviews.ReviewPublished;
import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotSnapshot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What each event tells whom: the words, the figures and the page a notification opens. English for now. */
@Component
public class Notices {

    private final Bookings bookings;
    private final SpotCatalog spots;
    private final Notifier notifier;

    Notices(Bookings bookings, SpotCatalog spots, Notifier notifier) {
        this.bookings = bookings;
        this.spots = spots;
        this.notifier = notifier;
    }

    /** What a notification says about a booking, from an event or from the booking read once. */
    public record BookingFacts(
            UUID bookingId,
            UUID userId,
            UUID ownerId,
            UUID spotId,
            Instant startTime,
            Instant endTime,
            int totalAmount,
            int ownerPayout,
            String currency) {

        static BookingFacts of(BookingView b) {
            return new BookingFacts(
                    b.id(),
                    b.userId(),
                    b.ownerId(),
                    b.spotId(),
                    b.startTime(),
                    b.endTime(),
                    b.totalAmount(),
                    b.ownerPayout(),
                    b.currency());
        }
    }

    private record Stay(BookingFacts booking, String spotTitle, String address, java.time.ZoneId zone) {}

    private Stay stay(UUID bookingId) {
        return stay(BookingFacts.of(bookings.find(bookingId).orElseThrow()));
    }

    private Stay stay(BookingFacts booking) {
        SpotSnapshot spot = spots.find(booking.spotId()).orElse(null);
        return new Stay(
                booking,
                spot == null ? "your parking spot" : spot.title(),
                spot == null ? "" : spot.address() + ", " + spot.city(),
                spot == null ? ZoneOffset.UTC : spot.timeZone());
    }

    private static List<Fact> times(Stay stay) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Spot", stay.spotTitle()));
        if (!stay.address().isBlank()) {
            facts.add(new Fact("Address", stay.address()));
        }
        facts.add(new Fact("From", Formats.when(stay.booking().startTime(), stay.zone())));
        facts.add(new Fact("Until", Formats.when(stay.booking().endTime(), stay.zone())));
        return facts;
    }

    private static String bookingPath(UUID bookingId) {
        return "/bookings/" + bookingId;
    }

    public void bookingConfirmed(BookingFacts facts) {
        Stay stay = stay(facts);
        BookingFacts booking = stay.booking();
        UUID bookingId = booking.bookingId();
        List<Fact> driverFacts = new ArrayList<>(times(stay));
        driverFacts.add(new Fact("Total", Formats.money(booking.totalAmount(), booking.currency())));
        notifier.notify(new Notice(
                booking.userId(),
                Kind.BOOKING_CONFIRMED,
                "booking_confirmed:" + bookingId,
                "Your booking at " + stay.spotTitle() + " is confirmed",
                List.of(
                        "Your stay at " + stay.spotTitle() + " is confirmed.",
                        "Your parking pass is on the booking page: show it at the spot."),
                driverFacts,
                bookingPath(bookingId),
                "Open your parking pass",
                bookingId));
        List<Fact> ownerFacts = new ArrayList<>(times(stay));
        ownerFacts.add(new Fact("Your payout", Formats.money(booking.ownerPayout(), booking.currency())));
        notifier.notify(new Notice(
                booking.ownerId(),
                Kind.NEW_BOOKING,
                "new_booking:" + bookingId,
                "New booking of " + stay.spotTitle(),
                List.of("A driver booked " + stay.spotTitle() + "."),
                ownerFacts,
                "/owner/bookings",
                "See your bookings",
                bookingId));
    }

    public void bookingCancelled(BookingCancelled event) {
        Stay stay = stay(event.bookingId());
        String byWhom = event.cancelledBy() == null
                ? "because its payment did not arrive in time"
                : event.byOwner() ? "by the spot's owner" : "by the driver";
        List<Fact> facts = times(stay);
        String reason = event.reason();
        List<String> driverLines = new ArrayList<>();
        driverLines.add("Your booking at " + stay.spotTitle() + " was cancelled " + byWhom + ".");
        if (reason != null && !reason.isBlank()) {
            driverLines.add("Reason: " + reason);
        }
        driverLines.add("Any refund due is issued to your payment method; we will tell you when it is.");
        notifier.notify(new Notice(
                event.userId(),
                Kind.BOOKING_CANCELLED,
                "booking_cancelled:" + event.bookingId(),
                "Your booking at " + stay.spotTitle() + " was cancelled",
                driverLines,
                facts,
                bookingPath(event.bookingId()),
                "See the booking",
                event.bookingId()));
        notifier.notify(new Notice(
                event.ownerId(),
                Kind.SPOT_BOOKING_CANCELLED,
                "spot_booking_cancelled:" + event.bookingId(),
                "A booking of " + stay.spotTitle() + " was cancelled",
                List.of("A booking of " + stay.spotTitle() + " was cancelled " + byWhom + ". The time is free again."),
                facts,
                "/owner/bookings",
                "See your bookings",
                event.bookingId()));
    }

    public void bookingExtended(BookingExtended event) {
        Stay stay = stay(event.bookingId());
        String until = Formats.when(event.newEndTime(), stay.zone());
        List<Fact> facts = new ArrayList<>(times(stay));
        if (event.extensionTotal() > 0) {
            facts.add(new Fact("Extension", Formats.money(event.extensionTotal(), event.currency())));
        }
        notifier.notify(new Notice(
                event.userId(),
                Kind.BOOKING_EXTENDED,
                "booking_extended:" + event.extensionId(),
                "Your stay at " + stay.spotTitle() + " now ends " + until,
                List.of(
                        "Your stay at " + stay.spotTitle() + " is extended until " + until + ".",
                        "Your parking pass is valid until then."),
                facts,
                bookingPath(event.bookingId()),
                "Open your parking pass",
                event.bookingId()));
        notifier.notify(new Notice(
                event.ownerId(),
                Kind.BOOKING_EXTENDED,
                "spot_booking_extended:" + event.extensionId(),
                "A booking of " + stay.spotTitle() + " was extended",
                List.of("A driver extended their stay at " + stay.spotTitle() + " until " + until + "."),
                times(stay),
                "/owner/bookings",
                "See your bookings",
                event.bookingId()));
    }

    public void refundIssued(RefundIssued event) {
        Stay stay = stay(event.bookingId());
        String amount = Formats.money(event.amount(), event.currency());
        notifier.notify(new Notice(
                event.userId(),
                Kind.REFUND_ISSUED,
                "refund_issued:" + event.refundId(),
                "Your refund of " + amount + " was issued",
                List.of(
                        "We refunded " + amount + " for your booking at " + stay.spotTitle() + ".",
                        "Depending on your bank it can take a few days to show on your statement."),
                List.of(new Fact("Refund", amount), new Fact("Spot", stay.spotTitle())),
                bookingPath(event.bookingId()),
                "See the booking",
                event.bookingId()));
    }

    public void bookingCompleted(BookingCompleted event) {
        Stay stay = stay(event.bookingId());
        notifier.notify(new Notice(
                event.userId(),
                Kind.REVIEW_REMINDER,
                "review_reminder:" + event.bookingId(),
                "How was " + stay.spotTitle() + "?",
                List.of("Your stay at " + stay.spotTitle() + " is over. A short review helps other drivers."),
                times(stay),
                "/bookings/" + event.bookingId() + "/review",
                "Review it",
                event.bookingId()));
        if (event.ownerPayout() > 0) {
            String amount = Formats.money(event.ownerPayout(), event.currency());
            notifier.notify(new Notice(
                    event.ownerId(),
                    Kind.PAYOUT_RECORDED,
                    "payout_recorded:" + event.bookingId(),
                    "Payout of " + amount + " recorded",
                    List.of("A stay at " + stay.spotTitle() + " is complete: " + amount
                            + " was added to your earnings."),
                    List.of(new Fact("Payout", amount), new Fact("Spot", stay.spotTitle())),
                    "/owner/earnings",
                    "See your earnings",
                    event.bookingId()));
        }
    }

    /** A due reminder; nothing when the booking is no longer going ahead. */
    public void reminder(UUID bookingId, String kind, Instant dueAt) {
        BookingView booking = bookings.find(bookingId).orElse(null);
        if (booking == null
                || !(booking.status() == BookingStatus.CONFIRMED || booking.status() == BookingStatus.IN_PROGRESS)) {
            return;
        }
        Stay stay = stay(bookingId);
        String key = kind + ":" + bookingId + ":" + dueAt.getEpochSecond();
        if (Reminders.STARTS_SOON.equals(kind)) {
            notifier.notify(new Notice(
                    booking.userId(),
                    Kind.STARTS_SOON,
                    key,
                    "Your stay at " + stay.spotTitle() + " starts in 1 hour",
                    List.of("Your stay at " + stay.spotTitle() + " starts in 1 hour. Your parking pass is ready."),
                    times(stay),
                    bookingPath(bookingId),
                    "Open your parking pass",
                    bookingId));
        } else if (Reminders.ENDS_SOON.equals(kind)) {
            notifier.notify(new Notice(
                    booking.userId(),
                    Kind.ENDS_SOON,
                    key,
                    "Your stay at " + stay.spotTitle() + " ends in 15 minutes",
                    List.of("Your stay at " + stay.spotTitle() + " ends in 15 minutes. Need more time? Extend it."),
                    times(stay),
                    bookingPath(bookingId),
                    "Extend your stay",
                    bookingId));
        }
    }

    public void newReview(ReviewPublished event) {
        String title = spots.find(event.spotId()).map(SpotSnapshot::title).orElse("your spot");
        notifier.notify(new Notice(
                event.ownerId(),
                Kind.NEW_REVIEW,
                "new_review:" + event.reviewId(),
                "New " + event.rating() + "-star review of " + title,
                List.of("A driver rated " + title + " " + event.rating() + " out of 5. You can answer it."),
                List.of(new Fact("Rating", event.rating() + " / 5")),
                "/owner/reviews",
                "Read and answer",
                null));
    }

    public void ownerResponded(OwnerResponded event) {
        String title = spots.find(event.spotId()).map(SpotSnapshot::title).orElse("the spot");
        notifier.notify(new Notice(
                event.reviewerId(),
                Kind.OWNER_RESPONSE,
                "owner_response:" + event.reviewId(),
                "The owner of " + title + " answered your review",
                List.of("The owner of " + title + " answered your review."),
                List.of(),
                "/spots/" + event.spotId(),
                "Read the answer",
                null));
    }

    public void newMessage(UUID bookingId, UUID messageId, UUID recipientId, String senderName, String text) {
        Stay stay = stay(bookingId);
        String preview = text.length() > 140 ? text.substring(0, 140) + "…" : text;
        notifier.notify(new Notice(
                recipientId,
                Kind.NEW_MESSAGE,
                "new_message:" + messageId,
                "New message from " + senderName,
                List.of(senderName + " wrote about the booking at " + stay.spotTitle() + ":", preview),
                List.of(),
                bookingPath(bookingId) + "#messages",
                "Answer",
                bookingId));
    }
}
