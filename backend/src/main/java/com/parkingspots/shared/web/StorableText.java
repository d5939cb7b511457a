package com.parkingspots.shared.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Text PostgreSQL cannot store: a NUL character (it ends C strings; {@code text} and {@code jsonb} refuse it) or half
 * of a surrogate pair (not Unicode, so not UTF-8). Every text a client sends is checked against this before it is
 * bound, so such input is a 422 instead of a database error.
 */
final class StorableText {

    static final String NUL = "Value error, text must not contain NUL (\\u0000) characters";
    static final String SURROGATE = "Value error, text must be valid Unicode (an unpaired surrogate was found)";

    private StorableText() {}

    /** The reason {@code text} cannot be stored, or null when it can. */
    static @Nullable String problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return SURROGATE;
            }
            if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }

    static @Nullable ValidationError check(CharSequence text, List<Object> loc) {
        String problem = problem(text);
        return problem == null ? null : new ValidationError("value_error", loc, problem, null, null);
    }
}
