package com.parkingspots.bookings.internal;

import com.parkingspots.bookings.BookingDayCounts;
import com.parkingspots.bookings.BookingView;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.bookings.ExtensionView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

@Service
class BookingsFacade implements Bookings {

    private final BookingManagement management;
    private final BookingExtensions extensions;
    private final BookingRepository repository;

    BookingsFacade(BookingManagement management, BookingExtensions extensions, BookingRepository repository) {
        this.management = management;
        this.extensions = extensions;
        this.repository = repository;
    }

    @Override
    public Optional<ExtensionView> findExtension(UUID extensionId) {
        return extensions
                .find(extensionId)
                .flatMap(e -> repository.find(e.bookingId()).map(e::view));
    }

    @Override
    public List<ExtensionView> extensionsOf(UUID bookingId) {
        Booking booking = repository.find(bookingId).orElse(null);
        if (booking == null) {
            return List.of();
        }
        return extensions.of(bookingId).stream().map(e -> e.view(booking)).toList();
    }

    @Override
    public boolean confirmExtensionPaid(UUID extensionId) {
        return extensions.confirmPaid(extensionId);
    }

    @Override
    public Optional<BookingView> find(UUID bookingId) {
        return management.find(bookingId).map(Booking::view);
    }

    @Override
    public Optional<BookingView> findByPaymentIntent(String paymentIntentId) {
        return management.findByPaymentIntent(paymentIntentId).map(Booking::view);
    }

    @Override
    public void attachPaymentIntent(UUID bookingId, String paymentIntentId) {
        management.attachPaymentIntent(bookingId, paymentIntentId);
    }

    @Override
    public boolean confirmPaid(UUID bookingId) {
        return management.confirmPaid(bookingId);
    }

    @Override
    public BookingView cancelByDriver(UUID bookingId, UUID driverId, @Nullable String reason) {
        return management.cancel(new Actor(driverId, false), bookingId, reason).view();
    }

    @Override
    public void markRefunded(UUID bookingId) {
        management.markRefunded(bookingId);
    }

    @Override
    public BookingDayCounts countSince(Instant since) {
        return repository.countSince(since);
    }
}
