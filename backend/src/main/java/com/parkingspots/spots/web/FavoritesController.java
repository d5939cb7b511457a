package com.parkingspots.spots.web;

import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.NotFoundDetail;
import com.parkingspots.spots.internal.Favorites;
import com.parkingspots.spots.internal.SpotManagement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's favourite spots, as list items (each with {@code is_favorite: true}). */
@RestController
@RequestMapping("/api/v1/users/me/favorites")
class FavoritesController {

    private final Favorites favorites;

    FavoritesController(Favorites favorites) {
        this.favorites = favorites;
    }

    @GetMapping
    List<SpotListItem> list(Caller caller) {
        return favorites.of(caller.id()).stream()
                .map(s -> SpotListItem.of(s, true))
                .toList();
    }

    @PutMapping("/{spotId}")
    Map<String, Object> add(Caller caller, @PathVariable @NotFoundDetail(SpotManagement.NOT_FOUND) UUID spotId) {
        favorites.add(caller.id(), spotId);
        return Map.of("spot_id", spotId, "is_favorite", true);
    }

    @DeleteMapping("/{spotId}")
    Map<String, Object> remove(Caller caller, @PathVariable @NotFoundDetail(SpotManagement.NOT_FOUND) UUID spotId) {
        favorites.remove(caller.id(), spotId);
        return Map.of("spot_id", spotId, "is_favorite", false);
    }
}
