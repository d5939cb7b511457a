package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PricingTests {

    private static final Pricing.FeePolicy DEFAULT_FEES = new Pricing.FeePolicy(BigDecimal.TEN, 50, BigDecimal.ZERO);

    @Test
    void contractExampleEightHoursAt500() {
        var quote = Pricing.quote(new Pricing.Rates(500, null, null), Duration.ofHours(8), DEFAULT_FEES);
        assertThat(quote).isEqualTo(new Pricing.Quote(4000, 450, 4450, 4000, 8.0));
    }

    @ParameterizedTest(name = "{0}/h, daily {1}, {2} min -> {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                // CONTRACT Decision 12
                "300, 2000, 420, 2000", // 7 h: one day is cheaper than 2100 by the hour
                "300, 2000, 1800, 3800", // 30 h: one day + 6 h
                "500, -, 90, 750",
                // block boundaries
                "300, 2000, 1440, 2000", // exactly 24 h
                "300, 2000, 1441, 2005", // 24 h + 1 min: day + one minute pro rata (300/60 = 5)
                "100, 2000, 1441, 2002", // 24 h + 1 min at 100/h: 1.67 rounds half up to 2
                "300, -, 1, 5",
                "7, -, 1, 0", // 0.1167 cents rounds to 0
                "9, -, 10, 2", // 1.5 cents rounds half up to 2
                "300, 2000, 400, 2000", // 6 h 40 = exactly 2000 by the hour as well
            })
    void dailyRateCapsTheRemainderAndMinutesArePaidProRata(int hourly, Integer daily, long minutes, long subtotal) {
        assertThat(Pricing.subtotal(new Pricing.Rates(hourly, daily, null), Duration.ofMinutes(minutes)))
                .isEqualTo(subtotal);
    }

    @Test
    void monthlyBlocksCoverThirtyDays() {
        var rates = new Pricing.Rates(300, 2000, 30000);
        assertThat(Pricing.subtotal(rates, Duration.ofDays(30))).isEqualTo(30000);
        assertThat(Pricing.subtotal(rates, Duration.ofDays(30).plusDays(1))).isEqualTo(32000);
        assertThat(Pricing.subtotal(rates, Duration.ofDays(29)))
                .as("a month is cheaper than 29 days")
                .isEqualTo(30000);
        assertThat(Pricing.subtotal(rates, Duration.ofDays(14))).isEqualTo(28000);
        assertThat(Pricing.subtotal(rates, Duration.ofDays(60).plusHours(2))).isEqualTo(60000 + 600);
    }

    @Test
    void aStartedMinuteCounts() {
        var rates = new Pricing.Rates(600, null, null);
        assertThat(Pricing.subtotal(rates, Duration.ofMinutes(60).plusSeconds(1)))
                .isEqualTo(610);
        assertThat(Pricing.subtotal(rates, Duration.ofMinutes(60).plusMillis(1)))
                .isEqualTo(610);
    }

    @Test
    void durationHoursIsRoundedToTwoDecimals() {
        var quote = Pricing.quote(new Pricing.Rates(500, null, null), Duration.ofMinutes(100), DEFAULT_FEES);
        assertThat(quote.durationHours()).isEqualTo(1.67);
    }

    @ParameterizedTest
    @CsvSource({
        // percent, fixed, host %, subtotal minutes at 1000/h -> fee, total, payout
        "10, 50, 0, 60, 150, 1150, 1000",
        "0, 0, 0, 60, 0, 1000, 1000",
        "12.5, 0, 0, 60, 125, 1125, 1000",
        "10, 50, 15, 60, 150, 1150, 850",
        "10, 0, 0, 3, 5, 55, 50", // 10% of 50 = 5
        "3, 0, 0, 5, 2, 85, 83", // 5 min at 1000/h = 83.33 -> 83; 3% of 83 = 2.49 -> 2
    })
    void feeAndCommissionFollowTheConfiguration(
            BigDecimal percent, long fixed, BigDecimal host, long minutes, long fee, long total, long payout) {
        var quote = Pricing.quote(
                new Pricing.Rates(1000, null, null),
                Duration.ofMinutes(minutes),
                new Pricing.FeePolicy(percent, fixed, host));
        assertThat(quote.serviceFee()).isEqualTo(fee);
        assertThat(quote.total()).isEqualTo(total);
        assertThat(quote.ownerPayout()).isEqualTo(payout);
    }

    @Test
    void feeRoundsHalfUp() {
        // 10% of 4005 = 400.5 -> 401, + 50
        assertThat(Pricing.percentOf(4005, BigDecimal.TEN)).isEqualTo(401);
        assertThat(Pricing.percentOf(4004, BigDecimal.TEN)).isEqualTo(400);
    }

    static Stream<Arguments> randomRates() {
        Random random = new Random(20261124);
        return IntStream.range(0, 200).mapToObj(i -> {
            int hourly = 1 + random.nextInt(2000);
            Integer daily = random.nextBoolean() ? null : 1 + random.nextInt(30000);
            Integer monthly = random.nextInt(3) == 0 ? 1 + random.nextInt(500000) : null;
            return Arguments.of(hourly, daily, monthly, random.nextLong());
        });
    }

    /** Property: a longer stay never costs less than a shorter one inside it; the total is never below the subtotal. */
    @ParameterizedTest
    @MethodSource("randomRates")
    void priceIsMonotonicInDuration(int hourly, Integer daily, Integer monthly, long seed) {
        var rates = new Pricing.Rates(hourly, daily, monthly);
        Random random = new Random(seed);
        long previousMinutes = 1;
        long previous = Pricing.subtotal(rates, Duration.ofMinutes(previousMinutes));
        for (int step = 0; step < 60; step++) {
            long minutes = previousMinutes + 1 + random.nextInt(random.nextBoolean() ? 90 : 3 * 24 * 60);
            long price = Pricing.subtotal(rates, Duration.ofMinutes(minutes));
            assertThat(price)
                    .as("%d min costs %d, %d min costs %d (%s)", minutes, price, previousMinutes, previous, rates)
                    .isGreaterThanOrEqualTo(previous);
            var quote = Pricing.quote(rates, Duration.ofMinutes(minutes), DEFAULT_FEES);
            assertThat(quote.total()).isEqualTo(quote.subtotal() + quote.serviceFee());
            assertThat(quote.subtotal()).isLessThanOrEqualTo(Pricing.hourly(hourly, minutes));
            previousMinutes = minutes;
            previous = price;
        }
    }
}
