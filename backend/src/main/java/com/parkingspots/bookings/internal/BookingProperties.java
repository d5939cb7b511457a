package com.parkingspots.bookings.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Booking rules and money settings (README, "Configuration").
 *
 * @param serviceFeePercent {@code SERVICE_FEE_PERCENT}: platform fee on the subtotal, rounded half up
 * @param serviceFeeFixedCents {@code SERVICE_FEE_FIXED_CENTS}: added to every booking's fee
 * @param hostCommissionPercent {@code HOST_COMMISSION_PERCENT}: taken from the owner's payout
 * @param minDuration shortest stay ({@code BOOKING_MIN_DURATION}, ISO-8601 or {@code 30m})
 * @param maxDuration longest stay ({@code BOOKING_MAX_DURATION})
 * @param paymentHold {@code PAYMENT_HOLD_MINUTES}: how long an unpaid booking holds its slot
 * @param checkInOpensBefore how early before the start a driver may check in
 * @param pastStartGrace how far in the past a start may be (clocks and "now" buttons drift)
 * @param maxAdvance {@code BOOKING_MAX_ADVANCE}: how far ahead a stay may start (bookings and price quotes)
 */
@Validated
@ConfigurationProperties("parkingspots.bookings")
public record BookingProperties(
        @DefaultValue("10") @DecimalMin("0") @DecimalMax("100")
        BigDecimal serviceFeePercent,

        @DefaultValue("50") @Min(0) int serviceFeeFixedCents,

        @DefaultValue("0") @DecimalMin("0") @DecimalMax("100")
        BigDecimal hostCommissionPercent,

        @DefaultValue("30m") Duration minDuration,
        @DefaultValue("90d") Duration maxDuration,
        @DefaultValue("15m") Duration paymentHold,
        @DefaultValue("15m") Duration checkInOpensBefore,
        @DefaultValue("5m") Duration pastStartGrace,
        @DefaultValue("365d") Duration maxAdvance) {

    public BookingProperties {
        if (!maxAdvance.isPositive()) {
            throw new IllegalArgumentException("BOOKING_MAX_ADVANCE must be positive (was " + maxAdvance + ")");
        }
    }

    public Pricing.FeePolicy feePolicy() {
        return new Pricing.FeePolicy(serviceFeePercent, serviceFeeFixedCents, hostCommissionPercent);
    }
}
