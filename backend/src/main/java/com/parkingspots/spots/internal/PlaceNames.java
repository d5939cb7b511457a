package com.parkingspots.spots.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How place names are compared: case, accents and script do not matter. A name is folded to lower-case Latin letters,
 * digits and single spaces: accents and diacritics dropped (NFD), Greek transliterated (ELOT 743 in the main, so
 * "Σύνταγμα" and "Syntagma" meet), and the spellings that transliteration leaves ambiguous made one ("ei", "oi", "y"
 * and "i"; "gk", "ng" and "g"; "mp", "mb" and "b"; doubled consonants), so "Εξάρχεια" finds "Exarchia" and "Psiri"
 * finds "Psyrri".
 */
final class PlaceNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DOUBLED = Pattern.compile("([bcdfgklmnprstvxz])\\1");

    /** Greek pairs first (they read as one sound), then single letters. */
    private static final Map<String, String> GREEK_PAIRS = Map.of(
            "ου", "ou", "αι", "ai", "ει", "ei", "οι", "oi", "γκ", "g", "γγ", "ng", "μπ", "b", "ντ", "nt", "τσ", "ts",
            "τζ", "tz");

    private static final Map<Character, String> GREEK = Map.ofEntries(
            Map.entry('α', "a"),
            Map.entry('β', "v"),
            Map.entry('γ', "g"),
            Map.entry('δ', "d"),
            Map.entry('ε', "e"),
            Map.entry('ζ', "z"),
            Map.entry('η', "i"),
            Map.entry('θ', "th"),
            Map.entry('ι', "i"),
            Map.entry('κ', "k"),
            Map.entry('λ', "l"),
            Map.entry('μ', "m"),
            Map.entry('ν', "n"),
            Map.entry('ξ', "x"),
            Map.entry('ο', "o"),
            Map.entry('π', "p"),
            Map.entry('ρ', "r"),
            Map.entry('σ', "s"),
            Map.entry('ς', "s"),
            Map.entry('τ', "t"),
            Map.entry('υ', "y"),
            Map.entry('φ', "f"),
            Map.entry('χ', "ch"),
            Map.entry('ψ', "ps"),
            Map.entry('ω', "o"));

    private PlaceNames() {}

    static String fold(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(plain.length() + 8);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (i + 1 < plain.length()) {
                String pair = GREEK_PAIRS.get(plain.substring(i, i + 2));
                if (pair != null) {
                    latin.append(pair);
                    i++;
                    continue;
                }
            }
            String letter = GREEK.get(c);
            latin.append(letter != null ? letter : String.valueOf(c));
        }
        String folded = latin.toString()
                .replace("ei", "i")
                .replace("oi", "i")
                .replace("y", "i")
                .replace("ng", "g")
                .replace("gk", "g")
                .replace("mp", "b")
                .replace("mb", "b");
        folded = DOUBLED.matcher(folded).replaceAll("$1");
        return NOT_WORD.matcher(folded).replaceAll(" ").strip();
    }

    /** Postcodes are compared without their spaces ("105 57" is "10557"). */
    static String compact(String folded) {
        return folded.replace(" ", "");
    }
}
