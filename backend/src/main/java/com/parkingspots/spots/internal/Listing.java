package com.parkingspots.spots.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One spot as the in-memory marketplace holds it: every column of its row, compactly (ids as two longs, times as epoch
 * microseconds, the filterable attributes packed into {@link #attributes}), plus what a search for a time window needs
 * (the open week and the dated blocks). Immutable: a change replaces the whole listing.
 */
final class Listing {

    static final List<String> TYPES = List.of("indoor", "outdoor", "covered", "garage", "driveway", "lot");
    static final List<String> SIZES = List.of("motorcycle", "compact", "standard", "large", "oversized");

    // attributes: bits 0-2 the type's index, 3-5 the vehicle size rank (1-5), then one bit per flag
    static final int TYPE_MASK = 0b111;
    static final int SIZE_SHIFT = 3;
    static final int COVERED = 1 << 6;
    static final int EV_CHARGING = 1 << 7;
    static final int SECURITY = 1 << 8;
    static final int LIGHTING = 1 << 9;
    static final int ACCESSIBLE = 1 << 10;
    static final int ACTIVE = 1 << 11;
    static final int AVAILABLE = 1 << 12;
    static final int HISTORY = 1 << 13;
    static final int SEARCHABLE = ACTIVE | AVAILABLE;

    /**
     * What few spots have (a description, instructions, hours, photos, rules): one object, absent for most, so that a
     * million bare listings do not each carry six empty references.
     */
    record Extras(
            @Nullable String description,
            @Nullable String accessInstructions,
            @Nullable String operatingHours,
            List<String> images,
            int @Nullable [] openWeek,
            long @Nullable [] blocks) {

        static @Nullable Extras of(
                @Nullable String description,
                @Nullable String accessInstructions,
                @Nullable String operatingHours,
                List<String> images,
                int @Nullable [] openWeek,
                long @Nullable [] blocks) {
            if (description == null
                    && accessInstructions == null
                    && operatingHours == null
                    && images.isEmpty()
                    && openWeek == null
                    && blocks == null) {
                return null;
            }
            return new Extras(description, accessInstructions, operatingHours, images, openWeek, blocks);
        }
    }

    final long idMsb;
    final long idLsb;
    final UUID ownerId;
    /** The title and then the address, in one string (one object fewer per spot); {@link #split} divides them. */
    final String text;

    final int split;
    final String city;
    final String state;
    final String zipCode;
    final String country;
    final double latitude;
    final double longitude;
    final int hourlyRate;
    /** 0: none (rates are positive). */
    final int dailyRate;

    final int monthlyRate;
    final String currency;
    final int attributes;
    final String timeZone;
    final ZoneId zone;
    final int totalBookings;
    final double averageRating;
    final int totalReviews;
    final long createdAt;
    final long updatedAt;
    final @Nullable Extras extras;

    Listing(
            UUID id,
            UUID ownerId,
            String title,
            @Nullable String description,
            String address,
            String city,
            String state,
            String zipCode,
            String country,
            double latitude,
            double longitude,
            int hourlyRate,
            int dailyRate,
            int monthlyRate,
            String currency,
            int attributes,
            @Nullable String accessInstructions,
            @Nullable String operatingHours,
            String timeZone,
            ZoneId zone,
            List<String> images,
            int totalBookings,
            double averageRating,
            int totalReviews,
            long createdAt,
            long updatedAt,
            int @Nullable [] openWeek,
            long @Nullable [] blocks) {
        this.idMsb = id.getMostSignificantBits();
        this.idLsb = id.getLeastSignificantBits();
        this.ownerId = ownerId;
        this.text = title + address;
        this.split = title.length();
        this.city = city;
        this.state = state;
        this.zipCode = zipCode;
        this.country = country;
        this.latitude = latitude;
        this.longitude = longitude;
        this.hourlyRate = hourlyRate;
        this.dailyRate = dailyRate;
        this.monthlyRate = monthlyRate;
        this.currency = currency;
        this.attributes = attributes;
        this.timeZone = timeZone;
        this.zone = zone;
        this.totalBookings = totalBookings;
        this.averageRating = averageRating;
        this.totalReviews = totalReviews;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.extras = Extras.of(description, accessInstructions, operatingHours, images, openWeek, blocks);
    }

    String title() {
        return text.substring(0, split);
    }

    String address() {
        return text.substring(split);
    }

    @Nullable
    String description() {
        return extras == null ? null : extras.description();
    }

    @Nullable
    String accessInstructions() {
        return extras == null ? null : extras.accessInstructions();
    }

    /** The stored JSON text; null when unrestricted. */
    @Nullable
    String operatingHours() {
        return extras == null ? null : extras.operatingHours();
    }

    List<String> images() {
        return extras == null ? List.of() : extras.images();
    }

    /** Minutes of the week ({@code [0, 10080)}) the spot is open, as {@code [from, to)} pairs; null: always open. */
    int @Nullable [] openWeek() {
        return extras == null ? null : extras.openWeek();
    }

    /** Blocked dated slots as {@code [start, end)} pairs of epoch microseconds; null: none. */
    long @Nullable [] blocks() {
        return extras == null ? null : extras.blocks();
    }

    /** Whether the title or the address contains the text, ignoring case (ILIKE {@code '%text%'}). */
    boolean titleOrAddressContains(String needle) {
        return Marketplace.contains(text, 0, split, needle) || Marketplace.contains(text, split, text.length(), needle);
    }

    UUID id() {
        return new UUID(idMsb, idLsb);
    }

    boolean searchable() {
        return (attributes & SEARCHABLE) == SEARCHABLE;
    }

    String spotType() {
        return TYPES.get(attributes & TYPE_MASK);
    }

    String vehicleSize() {
        return SIZES.get(sizeRank() - 1);
    }

    int sizeRank() {
        return (attributes >>> SIZE_SHIFT) & 0b111;
    }

    boolean has(int flag) {
        return (attributes & flag) != 0;
    }

    /** The row, as the rest of the module reads it. */
    Spot toSpot() {
        return new Spot(
                id(),
                ownerId,
                title(),
                description(),
                spotType(),
                vehicleSize(),
                address(),
                city,
                state,
                zipCode,
                country,
                latitude,
                longitude,
                hourlyRate,
                dailyRate == 0 ? null : dailyRate,
                monthlyRate == 0 ? null : monthlyRate,
                currency,
                has(COVERED),
                has(EV_CHARGING),
                has(SECURITY),
                has(LIGHTING),
                has(ACCESSIBLE),
                accessInstructions(),
                operatingHours(),
                timeZone,
                images(),
                has(ACTIVE),
                has(AVAILABLE),
                totalBookings,
                averageRating,
                totalReviews,
                has(HISTORY),
                instant(createdAt),
                instant(updatedAt));
    }

    SpotSummary toSummary(@Nullable Double distanceKm) {
        return new SpotSummary(
                id(),
                title(),
                address(),
                city,
                state,
                latitude,
                longitude,
                hourlyRate,
                currency,
                spotType(),
                vehicleSize(),
                has(AVAILABLE),
                has(COVERED),
                has(EV_CHARGING),
                has(SECURITY),
                has(LIGHTING),
                has(ACCESSIBLE),
                Marketplace.round2(averageRating),
                totalReviews,
                images(),
                timeZone,
                distanceKm);
    }

    static int attributes(
            String spotType,
            String vehicleSize,
            boolean covered,
            boolean evCharging,
            boolean security,
            boolean lighting,
            boolean accessible,
            boolean active,
            boolean available,
            boolean hasHistory) {
        int type = TYPES.indexOf(spotType);
        int size = SIZES.indexOf(vehicleSize) + 1;
        if (type < 0 || size < 1) {
            throw new IllegalArgumentException("unknown spot type or vehicle size: " + spotType + ", " + vehicleSize);
        }
        return type
                | size << SIZE_SHIFT
                | (covered ? COVERED : 0)
                | (evCharging ? EV_CHARGING : 0)
                | (security ? SECURITY : 0)
                | (lighting ? LIGHTING : 0)
                | (accessible ? ACCESSIBLE : 0)
                | (active ? ACTIVE : 0)
                | (available ? AVAILABLE : 0)
                | (hasHistory ? HISTORY : 0);
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
