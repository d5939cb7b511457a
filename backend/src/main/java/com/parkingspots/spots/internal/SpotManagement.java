package com.parkingspots.spots.internal;

import com.parkingspots.identity.AdminAudit;
import com.parkingspots.identity.UserAccounts;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import com.parkingspots.shared.web.ExternalUrls;
import com.parkingspots.shared.web.RequestValidationException;
import com.parkingspots.spots.SpotAvailabilityChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Use cases of listings and their rules: who may change what, and what else must change with it. */
@Service
public class SpotManagement {

    public static final String NOT_FOUND = "Parking spot not found";
    private static final Logger log = LoggerFactory.getLogger(SpotManagement.class);

    /** What a delete did: removed the spot, or deactivated it because bookings reference it. */
    public enum Deletion {
        DELETED,
        DEACTIVATED
    }

    private final Spots spots;
    private final SpotReads reads;
    private final MarketplaceSync marketplace;
    private final ImageStorage images;
    private final UserAccounts accounts;
    private final AdminAudit audit;
    private final ApplicationEventPublisher events;
    private final SpotsProperties properties;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    SpotManagement(
            Spots spots,
            SpotReads reads,
            MarketplaceSync marketplace,
            ImageStorage images,
            UserAccounts accounts,
            AdminAudit audit,
            ApplicationEventPublisher events,
            SpotsProperties properties,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock) {
        this.spots = spots;
        this.reads = reads;
        this.marketplace = marketplace;
        this.images = images;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    // --- reading ---

    public Spot get(UUID spotId) {
        return reads.find(spotId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public List<Spot> ownedBy(UUID ownerId) {
        return spots.ownedBy(ownerId);
    }

    /** One page of the owner's spots (text in title, address, city or postcode; status), with the total. */
    public record OwnedPage(List<Spot> spots, long total) {}

    public OwnedPage ownedBy(UUID ownerId, @Nullable String text, @Nullable String status, int page, int pageSize) {
        Spots.OwnedPage found = spots.ownedBy(ownerId, text, status, pageSize, (long) (page - 1) * pageSize);
        return new OwnedPage(found.spots(), found.total());
    }

    public List<SpotSummary> search(SearchCriteria criteria) {
        return reads.search(criteria);
    }

    public List<Slot> slots(UUID spotId) {
        return spots.slots(spotId);
    }

    // --- listings ---

    /** Creates a listing; a renter who lists a spot becomes an owner (CONTRACT.md Decision 9). */
    public Spot create(Caller caller, JsonNode body) {
        SpotInput.Columns input =
                SpotInput.read(body, true, properties, properties.maxImagesPerSpot(), imageRule(null));
        UUID id = UUID.randomUUID();
        Spot spot = transactions.execute(status -> {
            accounts.promoteToOwner(caller.id());
            Map<String, @Nullable Object> columns = new java.util.LinkedHashMap<>(input.values());
            columns.put("open_week", openWeek((String) columns.get("operating_hours"), List.of()));
            spots.insert(id, caller.id(), columns, clock.instant());
            marketplace.spotChanged();
            return spots.find(id).orElseThrow();
        });
        return spot;
    }

    public Spot update(Caller caller, UUID spotId, JsonNode body) {
        SpotInput.Columns input =
                SpotInput.read(body, false, properties, properties.maxImagesPerSpot(), imageRule(spotId));
        List<String> dropped = new ArrayList<>();
        Spot updated = transactions.execute(status -> {
            Spot before = spots.findForUpdate(spotId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
            if (!caller.is(before.ownerId()) && !caller.isAdmin()) {
                throw ApiException.forbidden("Not authorized to update this parking spot");
            }
            Map<String, @Nullable Object> columns = new java.util.LinkedHashMap<>(input.values());
            if (input.touches("operating_hours")) {
                columns.put(
                        "open_week",
                        openWeek((String) columns.get("operating_hours"), weeklyBlocked(spots.slots(spotId))));
            }
            spots.update(spotId, columns, clock.instant());
            Spot after = spots.find(spotId).orElseThrow();
            if (!caller.is(before.ownerId())) {
                audit.record(caller, "spot.updated", "spot", spotId, Map.of("fields", List.copyOf(columns.keySet())));
            }
            before.images().stream()
                    .filter(url -> !after.images().contains(url))
                    .forEach(dropped::add);
            marketplace.spotChanged();
            if (before.searchable() != after.searchable()) {
                events.publishEvent(new SpotAvailabilityChanged(
                        spotId, after.ownerId(), after.searchable(), after.latitude(), after.longitude()));
            }
            return after;
        });
        // after the commit: a rolled-back update keeps its photos; only this spot's own files are deleted
        dropped.forEach(url -> images.delete(spotId, url));
        return updated;
    }

    /**
     * Deletes a listing with its rules and photos. A spot that bookings have held (or that another module's rows still
     * reference) is deactivated instead, so its booking, payment and review history stays intact.
     */
    public Deletion delete(Caller caller, UUID spotId) {
        Spot spot = spots.find(spotId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        if (!caller.is(spot.ownerId()) && !caller.isAdmin()) {
            throw ApiException.forbidden("Not authorized to delete this parking spot");
        }
        Deletion result = Deletion.DEACTIVATED;
        if (!spot.hasHistory()) {
            try {
                transactions.executeWithoutResult(status -> spots.delete(spotId));
                result = Deletion.DELETED;
            } catch (DataIntegrityViolationException referenced) {
                log.info("Spot {} is referenced by other records: deactivating instead of deleting", spotId);
            }
        }
        if (result == Deletion.DEACTIVATED) {
            transactions.executeWithoutResult(
                    status -> spots.update(spotId, Map.of("is_active", false), clock.instant()));
        } else {
            images.deleteAll(spotId);
        }
        if (!caller.is(spot.ownerId())) {
            audit.record(
                    caller,
                    result == Deletion.DELETED ? "spot.deleted" : "spot.deactivated",
                    "spot",
                    spotId,
                    Map.of("title", spot.title(), "owner_id", spot.ownerId().toString()));
        }
        marketplace.spotChanged();
        if (spot.searchable()) {
            events.publishEvent(
                    new SpotAvailabilityChanged(spotId, spot.ownerId(), false, spot.latitude(), spot.longitude()));
        }
        return result;
    }

    // --- availability slots ---

    public Slot addSlot(Caller caller, UUID spotId, JsonNode body) {
        Slot slot = readSlot(spotId, body);
        return transactions.execute(status -> {
            Spot spot = spots.findForUpdate(spotId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
            if (!caller.is(spot.ownerId())) {
                throw ApiException.forbidden("Not authorized to modify this parking spot");
            }
            spots.insertSlot(slot);
            recomputeOpenWeek(spot);
            marketplace.spotChanged();
            return slot;
        });
    }

    public void deleteSlot(Caller caller, UUID spotId, UUID slotId) {
        transactions.executeWithoutResult(status -> {
            Spot spot = spots.findForUpdate(spotId)
                    .filter(s -> caller.is(s.ownerId()))
                    .orElseThrow(() -> ApiException.forbidden("Not authorized"));
            spots.slot(spotId, slotId).orElseThrow(() -> ApiException.notFound("Availability slot not found"));
            spots.deleteSlot(slotId);
            recomputeOpenWeek(spot);
            marketplace.spotChanged();
        });
    }

    private void recomputeOpenWeek(Spot spot) {
        String week = openWeek(spot.operatingHours(), weeklyBlocked(spots.slots(spot.id())));
        spots.update(spot.id(), Map.of("open_week", week), clock.instant());
    }

    private String openWeek(@Nullable String operatingHours, List<WeeklySchedule.Window> blocked) {
        JsonNode hours = operatingHours == null ? null : json.readTree(operatingHours);
        return WeeklySchedule.of(hours, blocked).toMultirange();
    }

    private static List<WeeklySchedule.Window> weeklyBlocked(List<Slot> slots) {
        List<WeeklySchedule.Window> blocked = new ArrayList<>();
        for (Slot slot : slots) {
            if (!slot.available() && slot.specificDate() == null) {
                blocked.add(new WeeklySchedule.Window(slot.dayOfWeek(), slot.startTime(), slot.endTime()));
            }
        }
        return blocked;
    }

    /**
     * CONTRACT.md 2.8, checked: day 0–6 or a YYYY-MM-DD date (not both; neither means every day), HH:MM times. An end at
     * or before the start ends the next day, so 00:00–00:00 is a whole day.
     */
    private static Slot readSlot(UUID spotId, JsonNode body) {
        var input = new com.parkingspots.shared.web.PartialUpdate(body);
        List<com.parkingspots.shared.web.ValidationError> errors = new ArrayList<>();
        for (String key : List.of("start_time", "end_time")) {
            if (!body.has(key) || body.get(key).isNull()) {
                errors.add(com.parkingspots.shared.web.ValidationError.of(
                        "missing", List.of("body", key), "Field required"));
            }
        }
        Integer day =
                input.integer("day_of_week", 0, 6, true).map(f -> f.value()).orElse(null);
        LocalDate date = input.<LocalDate>custom("specific_date", true, node -> {
                    try {
                        return LocalDate.parse(node.asString());
                    } catch (RuntimeException e) {
                        return input.fail(
                                "specific_date",
                                "date_from_datetime_parsing",
                                "Input should be a valid date as YYYY-MM-DD");
                    }
                })
                .map(f -> f.value())
                .orElse(null);
        LocalTime start = time(input, "start_time");
        LocalTime end = time(input, "end_time");
        boolean available = input.bool("is_available")
                .map(f -> Boolean.TRUE.equals(f.value()))
                .orElse(true);
        try {
            input.validate();
        } catch (RequestValidationException e) {
            errors.addAll(e.errors());
        }
        if (errors.isEmpty() && day != null && date != null) {
            errors.add(com.parkingspots.shared.web.ValidationError.of(
                    "value_error", List.of("body", "specific_date"), "Give day_of_week or specific_date, not both"));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return new Slot(UUID.randomUUID(), spotId, day, date, start, end, available);
    }

    private static @Nullable LocalTime time(com.parkingspots.shared.web.PartialUpdate input, String key) {
        return input.<LocalTime>custom(key, false, node -> {
                    try {
                        return WeeklySchedule.time(node, key);
                    } catch (IllegalArgumentException e) {
                        return input.fail(key, "string_pattern_mismatch", e.getMessage());
                    }
                })
                .map(f -> f.value())
                .orElse(null);
    }

    // --- photos ---

    public Spot addImage(Caller caller, UUID spotId, byte[] content) {
        Spot spot = spots.find(spotId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        if (!caller.is(spot.ownerId()) && !caller.isAdmin()) {
            throw ApiException.forbidden("Not authorized to update this parking spot");
        }
        if (content.length > properties.maxImageBytes()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "Image is too large: at most " + properties.maxImageBytes() / (1024 * 1024) + " MB");
        }
        if (spot.images().size() >= properties.maxImagesPerSpot()) {
            throw ApiException.badRequest(
                    "A parking spot can have at most " + properties.maxImagesPerSpot() + " images");
        }
        ImageSanitizer.Sanitized clean;
        try {
            clean = ImageSanitizer.sanitize(content);
        } catch (ImageSanitizer.NotAnImage e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String url = images.store(spotId, clean.content(), clean.extension());
        try {
            return transactions.execute(status -> {
                Spot current = spots.findForUpdate(spotId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
                if (current.images().size() >= properties.maxImagesPerSpot()) {
                    throw ApiException.badRequest(
                            "A parking spot can have at most " + properties.maxImagesPerSpot() + " images");
                }
                List<String> list = new ArrayList<>(current.images());
                list.add(url);
                spots.update(spotId, Map.of("images", spots.imagesJson(list)), clock.instant());
                marketplace.spotChanged();
                return spots.find(spotId).orElseThrow();
            });
        } catch (RuntimeException e) {
            images.delete(spotId, url);
            throw e;
        }
    }

    public Spot removeImage(Caller caller, UUID spotId, String url) {
        Spot updated = transactions.execute(status -> {
            Spot spot = spots.findForUpdate(spotId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
            if (!caller.is(spot.ownerId()) && !caller.isAdmin()) {
                throw ApiException.forbidden("Not authorized to update this parking spot");
            }
            if (!spot.images().contains(url)) {
                throw ApiException.notFound("Image not found");
            }
            List<String> list = new ArrayList<>(spot.images());
            list.remove(url);
            spots.update(spotId, Map.of("images", spots.imagesJson(list)), clock.instant());
            marketplace.spotChanged();
            return spots.find(spotId).orElseThrow();
        });
        images.delete(spotId, url);
        return updated;
    }

    /**
     * What a spot may list as images (docs/decisions/0009): its own uploaded photos that exist, or {@code https:} URLs
     * of other sites, which are never deleted as files. Another spot's photo is refused, not dropped: the client
     * learns why. A new spot ({@code spotId} null) has no photos yet.
     */
    private SpotInput.ImageRule imageRule(@Nullable UUID spotId) {
        return url -> {
            var owner = images.spotOf(url);
            if (owner.isPresent()) {
                if (!owner.get().equals(spotId)) {
                    return "Image is a photo of another parking spot: a spot can only list its own uploaded photos"
                            + " or https: URLs";
                }
                return images.exists(url) ? null : "Image is not a photo uploaded to this parking spot";
            }
            return ExternalUrls.isHttps(url)
                    ? null
                    : "Image must be an https: URL or a photo uploaded to this parking spot";
        };
    }

    public Instant now() {
        return clock.instant();
    }
}
