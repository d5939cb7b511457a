package com.parkingspots.shared.web;

import java.util.ArrayList;
import java.util.List;

/** Turns Java property paths ({@code vehicle.licensePlate[0]}) into the JSON's snake_case location parts. */
final class Names {

    private Names() {}

    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static List<Object> path(String propertyPath) {
        List<Object> parts = new ArrayList<>();
        for (String segment : propertyPath.split("\\.")) {
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            if (!name.isEmpty()) {
                parts.add(snake(name));
            }
            while (bracket >= 0) {
                int close = segment.indexOf(']', bracket);
                String index = segment.substring(bracket + 1, close < 0 ? segment.length() : close);
                parts.add(
                        index.chars().allMatch(Character::isDigit) && !index.isEmpty()
                                ? Integer.parseInt(index)
                                : index);
                bracket = close < 0 ? -1 : segment.indexOf('[', close);
            }
        }
        return parts;
    }
}
