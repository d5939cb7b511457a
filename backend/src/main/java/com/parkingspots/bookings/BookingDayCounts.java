package com.parkingspots.bookings;

/**
 * Bookings of one day, cluster-wide: {@code created} that day, of those {@code confirmed} (now confirmed, in progress or
 * completed), and {@code cancelled} that day (whenever they were made; refunded ones included).
 */
public record BookingDayCounts(long created, long confirmed, long cancelled) {}
