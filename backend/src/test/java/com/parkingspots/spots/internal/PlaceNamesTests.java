package com.parkingspots.spots.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceNamesTests {

    @ParameterizedTest
    @CsvSource({
        "Σύνταγμα, Syntagma",
        "ΣΥΝΤΑΓΜΑ, syntagma",
        "Πλάκα, PLAKA",
        "Εξάρχεια, Exarchia",
        "Ψυρρή, Psyrri",
        "Psiri, Psyrri",
        "Κολωνάκι, Kolonáki",
        "Αμπελόκηποι, Ampelokipoi",
        "Ambelokipi, Ampelokipoi",
        "Παγκράτι, Pangrati",
        "Μεταξουργείο, Metaxourgeio",
        "Θησείο, Thissio",
        "Ομόνοια, Omonia",
        "Νέα Σμύρνη, Nea Smyrni",
        "Χαλάνδρι, Chalandri",
        "'Kifisias Ave.', 'kifisias ave'"
    })
    void namesInEitherScriptWithOrWithoutAccentsFoldAlike(String one, String other) {
        assertThat(PlaceNames.fold(one)).isEqualTo(PlaceNames.fold(other));
    }

    @ParameterizedTest
    @CsvSource({"Syntagma, Plaka", "Κολωνάκι, Κουκάκι", "Glyfada, Gazi"})
    void differentPlacesStayDifferent(String one, String other) {
        assertThat(PlaceNames.fold(one)).isNotEqualTo(PlaceNames.fold(other));
    }
}
