package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkingspots.bookings.BookingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The state machine of Decision 14 on the aggregate alone: who may do what, from which state. */
class BookingTests {

    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant END = Instant.parse("2026-12-01T11:00:00Z");
    private final UUID driver = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final Actor driverActor = new Actor(driver, false);
    private final Actor ownerActor = new Actor(owner, false);
    private final Actor stranger = new Actor(UUID.randomUUID(), false);
    private final Actor admin = new Actor(UUID.randomUUID(), true);

    private Booking booking(BookingStatus status) {
        return new Booking(
                UUID.randomUUID(),
                driver,
                UUID.randomUUID(),
                owner,
                START,
                END,
                status,
                "eur",
                600,
                110,
                710,
                600,
                null,
                "completed",
                "ABC123",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                START.minusSeconds(86400),
                START.minusSeconds(86400));
    }

    @Test
    void ownerOrAdminConfirmsPending() {
        assertThat(booking(BookingStatus.PENDING).confirm(ownerActor, START).status())
                .isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking(BookingStatus.PENDING).confirm(admin, START).status())
                .isEqualTo(BookingStatus.CONFIRMED);
        assertThatThrownBy(() -> booking(BookingStatus.PENDING).confirm(driverActor, START))
                .isInstanceOf(BookingRuleViolation.class)
                .hasMessage("Only the owner can confirm bookings");
        assertThatThrownBy(() -> booking(BookingStatus.CANCELLED).confirm(ownerActor, START))
                .hasMessageContaining("Only pending bookings can be confirmed");
    }

    @Test
    void driverOrOwnerCancelsPendingOrConfirmedOnly() {
        var cancelled = booking(BookingStatus.CONFIRMED).cancel(driverActor, "  plans changed ", START);
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.cancellationReason()).isEqualTo("plans changed");
        assertThat(cancelled.cancelledBy()).isEqualTo(driver);
        assertThat(booking(BookingStatus.PENDING)
                        .cancel(ownerActor, null, START)
                        .cancelledBy())
                .isEqualTo(owner);
        assertThatThrownBy(() -> booking(BookingStatus.CONFIRMED).cancel(stranger, null, START))
                .hasMessage("Not authorized");
        for (BookingStatus status : new BookingStatus[] {
            BookingStatus.IN_PROGRESS, BookingStatus.COMPLETED, BookingStatus.CANCELLED, BookingStatus.REFUNDED
        }) {
            assertThatThrownBy(() -> booking(status).cancel(driverActor, null, START))
                    .as(status.value())
                    .hasMessageContaining("Only pending or confirmed bookings can be cancelled");
        }
    }

    @Test
    void checkInOpensFifteenMinutesBeforeStartAndClosesAtTheEnd() {
        Duration window = Duration.ofMinutes(15);
        assertThatThrownBy(() ->
                        booking(BookingStatus.CONFIRMED).checkIn(driverActor, START.minusSeconds(16 * 60), window))
                .hasMessage("Check-in opens 15 minutes before the start time");
        var in = booking(BookingStatus.CONFIRMED).checkIn(driverActor, START.minusSeconds(15 * 60), window);
        assertThat(in.status()).isEqualTo(BookingStatus.IN_PROGRESS);
        assertThat(in.checkedInAt()).isEqualTo(START.minusSeconds(15 * 60));
        assertThatThrownBy(() -> booking(BookingStatus.CONFIRMED).checkIn(driverActor, END, window))
                .hasMessage("Booking has already ended");
        assertThatThrownBy(() -> booking(BookingStatus.PENDING).checkIn(driverActor, START, window))
                .hasMessage("Booking must be confirmed before check-in");
        assertThatThrownBy(() -> booking(BookingStatus.CONFIRMED).checkIn(ownerActor, START, window))
                .hasMessage("Not authorized");
    }

    @Test
    void checkOutOnlyFromInProgressByTheDriver() {
        var out = booking(BookingStatus.IN_PROGRESS).checkOut(driverActor, START.plusSeconds(60));
        assertThat(out.status()).isEqualTo(BookingStatus.COMPLETED);
        assertThat(out.checkedOutAt()).isEqualTo(START.plusSeconds(60));
        assertThatThrownBy(() -> booking(BookingStatus.CONFIRMED).checkOut(driverActor, START))
                .hasMessage("Must be checked in before checking out");
        assertThatThrownBy(() -> booking(BookingStatus.IN_PROGRESS).checkOut(admin, START))
                .hasMessage("Not authorized");
    }

    @Test
    void lifecycleJobsLeaveCheckInAndOutTimesEmpty() {
        var started = booking(BookingStatus.CONFIRMED).autoStart(START);
        assertThat(started.status()).isEqualTo(BookingStatus.IN_PROGRESS);
        assertThat(started.checkedInAt()).isNull();
        var completed = started.autoComplete(END);
        assertThat(completed.status()).isEqualTo(BookingStatus.COMPLETED);
        assertThat(completed.checkedOutAt()).isNull();
        assertThatThrownBy(() -> booking(BookingStatus.CONFIRMED).autoStart(START.minusSeconds(1)))
                .hasMessage("Booking has not started yet");
        assertThatThrownBy(() -> booking(BookingStatus.CANCELLED).autoComplete(END))
                .hasMessage("Only active bookings complete");
    }

    @Test
    void paymentConfirmsOnceAndRefundFollowsCancellation() {
        var paid = booking(BookingStatus.PENDING).confirmPaid(START);
        assertThat(paid.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(paid.paymentStatus()).isEqualTo("paid");
        assertThatThrownBy(() -> paid.confirmPaid(START)).isInstanceOf(BookingRuleViolation.class);
        assertThat(booking(BookingStatus.CANCELLED).refund(START).status()).isEqualTo(BookingStatus.REFUNDED);
        assertThatThrownBy(() -> booking(BookingStatus.CONFIRMED).refund(START))
                .isInstanceOf(BookingRuleViolation.class);
    }

    @Test
    void visibleToDriverOwnerAndAdminOnly() {
        var b = booking(BookingStatus.CONFIRMED);
        assertThat(b.isVisibleTo(driverActor)).isTrue();
        assertThat(b.isVisibleTo(ownerActor)).isTrue();
        assertThat(b.isVisibleTo(admin)).isTrue();
        assertThat(b.isVisibleTo(stranger)).isFalse();
    }
}
