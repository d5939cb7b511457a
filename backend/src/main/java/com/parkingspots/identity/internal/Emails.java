package com.parkingspots.identity.internal;

import com.parkingspots.shared.web.RequestValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Email addresses as the existing system stored them (Pydantic {@code EmailStr}): {@code Name <addr>} is reduced to
 * the address, the domain is lower-cased, the local part is kept as typed, special-use domains are refused.
 */
public final class Emails {

    private static final Pattern LOCAL =
            Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$");
    private static final Pattern LABEL = Pattern.compile("^(?!-)[a-z0-9-]{1,63}(?<!-)$");
    private static final Set<String> SPECIAL_USE = Set.of("arpa", "invalid", "local", "localhost", "onion", "test");

    private Emails() {}

    /** The normalised address, or a 422 at {@code loc}. */
    public static String normalize(String raw, List<Object> loc) {
        String text = raw.strip();
        int open = text.lastIndexOf('<');
        if (open >= 0 && text.endsWith(">")) {
            text = text.substring(open + 1, text.length() - 1).strip();
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw invalid(loc, "An email address must have an @-sign.");
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw invalid(loc, "The part before the @-sign is not valid.");
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw invalid(loc, "The part after the @-sign is not valid. It should have a period.");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(loc, "The part after the @-sign is not valid.");
            }
        }
        String tld = labels[labels.length - 1];
        if (SPECIAL_USE.contains(tld) || tld.chars().allMatch(Character::isDigit)) {
            throw invalid(
                    loc, "The part after the @-sign is a special-use or reserved name that cannot be used with email.");
        }
        String email = local + "@" + domain;
        if (email.length() > 254) {
            throw invalid(loc, "The email address is too long.");
        }
        return email;
    }

    private static RequestValidationException invalid(List<Object> loc, String why) {
        return RequestValidationException.of("value_error", loc, "value is not a valid email address: " + why);
    }
}
