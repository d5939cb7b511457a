package com.parkingspots.spots.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Place search for the map: the gazetteer first, then the external geocoder when one is configured and needed. */
@Service
public class PlaceSearch {

    /** A place to move the map to; {@code spots}: how many listed spots the gazetteer knows there (0 when unknown). */
    public record Place(String name, String kind, String city, double latitude, double longitude, int spots) {}

    private final Gazetteer gazetteer;
    private final Geocoder geocoder;

    PlaceSearch(Gazetteer gazetteer, Geocoder geocoder) {
        this.gazetteer = gazetteer;
        this.geocoder = geocoder;
    }

    public List<Place> search(String text, int limit) {
        List<Place> places = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Gazetteer.Place p : gazetteer.search(text, limit)) {
            places.add(new Place(p.name(), p.kind(), p.city(), p.latitude(), p.longitude(), p.spots()));
            names.add(PlaceNames.fold(p.name()));
        }
        if (places.size() < limit && geocoder.configured()) {
            for (Gazetteer.Place p : geocoder.search(text, limit)) {
                if (places.size() < limit && names.add(PlaceNames.fold(p.name()))) {
                    places.add(new Place(p.name(), p.kind(), p.city(), p.latitude(), p.longitude(), 0));
                }
            }
        }
        return places;
    }
}
