package com.parkingspots.identity.internal;

import com.parkingspots.identity.Vehicle;
import com.parkingspots.identity.Vehicles;
import com.parkingspots.shared.web.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A driver's saved vehicles ({@code user_vehicles}): at most {@link #MAX_PER_USER}, plates normalised (upper case, no
 * spaces) and unique per user, at most one default. The first vehicle saved is the default; making another one the
 * default takes it from the previous one; deleting the default passes it to the oldest remaining vehicle. Changes of
 * one user's vehicles run one at a time (the user's row is locked), so the limit holds under concurrent requests.
 */
@Service
public class SavedVehicles implements Vehicles {

    public static final int MAX_PER_USER = 10;
    private static final String COLUMNS = "id, user_id, plate, make, model, color, is_default, created_at";

    /** What a create or update sets; null fields are left as they are (an update) or empty (a create). */
    public record Changes(
            @Nullable String plate,
            @Nullable String make,
            @Nullable String model,
            @Nullable String color,
            @Nullable Boolean isDefault) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SavedVehicles(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Upper case, every whitespace character removed: {@code "ab 123 c"} is {@code "AB123C"}. */
    public static String normalisePlate(String plate) {
        return plate.replaceAll("[\\s\\p{Z}]+", "").toUpperCase(Locale.ROOT);
    }

    public List<Vehicle> of(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM user_vehicles WHERE user_id = ? ORDER BY is_default DESC, created_at, id")
                .param(userId)
                .query(SavedVehicles::map)
                .list();
    }

    @Override
    public Optional<Vehicle> find(UUID userId, UUID vehicleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_vehicles WHERE id = ? AND user_id = ?")
                .params(vehicleId, userId)
                .query(SavedVehicles::map)
                .optional();
    }

    public Vehicle create(UUID userId, Changes changes) {
        String plate = plate(changes.plate());
        if (plate == null) {
            throw ApiException.badRequest("A vehicle needs a licence plate");
        }
        return unique(() -> transactions.execute(status -> {
            lockUser(userId);
            int count = jdbc.sql("SELECT count(*) FROM user_vehicles WHERE user_id = ?")
                    .param(userId)
                    .query(Integer.class)
                    .single();
            if (count >= MAX_PER_USER) {
                throw ApiException.badRequest("You can save at most " + MAX_PER_USER + " vehicles");
            }
            boolean makeDefault = count == 0 || Boolean.TRUE.equals(changes.isDefault());
            if (makeDefault) {
                clearDefault(userId);
            }
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            jdbc.sql("""
                            INSERT INTO user_vehicles (id, user_id, plate, make, model, color, is_default, created_at,
                                updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            userId,
                            plate,
                            blankToNull(changes.make()),
                            blankToNull(changes.model()),
                            blankToNull(changes.color()),
                            makeDefault,
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
            return find(userId, id).orElseThrow();
        }));
    }

    public Vehicle update(UUID userId, UUID vehicleId, Changes changes) {
        String plate = changes.plate() == null ? null : plate(changes.plate());
        if (changes.plate() != null && plate == null) {
            throw ApiException.badRequest("A vehicle needs a licence plate");
        }
        return unique(() -> transactions.execute(status -> {
            lockUser(userId);
            Vehicle before = find(userId, vehicleId).orElseThrow(() -> ApiException.notFound("Vehicle not found"));
            if (Boolean.TRUE.equals(changes.isDefault()) && !before.isDefault()) {
                clearDefault(userId);
            }
            boolean isDefault = changes.isDefault() == null ? before.isDefault() : changes.isDefault();
            jdbc.sql("""
                            UPDATE user_vehicles SET plate = ?, make = ?, model = ?, color = ?, is_default = ?,
                                updated_at = ?
                            WHERE id = ?""")
                    .params(
                            plate == null ? before.plate() : plate,
                            changes.make() == null ? before.make() : blankToNull(changes.make()),
                            changes.model() == null ? before.model() : blankToNull(changes.model()),
                            changes.color() == null ? before.color() : blankToNull(changes.color()),
                            isDefault,
                            Timestamp.from(clock.instant()),
                            vehicleId)
                    .update();
            return find(userId, vehicleId).orElseThrow();
        }));
    }

    public void delete(UUID userId, UUID vehicleId) {
        transactions.executeWithoutResult(status -> {
            lockUser(userId);
            Vehicle vehicle = find(userId, vehicleId).orElseThrow(() -> ApiException.notFound("Vehicle not found"));
            jdbc.sql("DELETE FROM user_vehicles WHERE id = ?").param(vehicleId).update();
            if (vehicle.isDefault()) {
                jdbc.sql("""
                                UPDATE user_vehicles SET is_default = true
                                WHERE id = (SELECT id FROM user_vehicles WHERE user_id = ? ORDER BY created_at, id LIMIT 1)""").param(userId).update();
            }
        });
    }

    private void lockUser(UUID userId) {
        jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE")
                .param(userId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("User not found"));
    }

    private void clearDefault(UUID userId) {
        jdbc.sql("UPDATE user_vehicles SET is_default = false WHERE user_id = ? AND is_default")
                .param(userId)
                .update();
    }

    private static <T> T unique(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("A vehicle with this plate is already saved");
        }
    }

    private static @Nullable String plate(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String plate = normalisePlate(raw);
        if (plate.length() > 20) {
            throw ApiException.badRequest("A licence plate has at most 20 characters");
        }
        return plate.isEmpty() ? null : plate;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Vehicle map(ResultSet rs, int row) throws SQLException {
        return new Vehicle(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("plate"),
                rs.getString("make"),
                rs.getString("model"),
                rs.getString("color"),
                rs.getBoolean("is_default"),
                rs.getTimestamp("created_at").toInstant());
    }
}
