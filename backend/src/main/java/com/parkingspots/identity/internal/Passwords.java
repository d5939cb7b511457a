package com.parkingspots.identity.internal;

import com.parkingspots.shared.web.RequestValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** bcrypt (spec 7.2). Verifies the existing system's {@code $2b$12$} hashes too. */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes: longer passwords are refused, never silently truncated. */
    public static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;

    Passwords(IdentityProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptCost());
        this.dummyHash = encoder.encode("timing-equaliser-for-unknown-accounts");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        try {
            return encoder.matches(password, hash);
        } catch (IllegalArgumentException tooLong) {
            return false;
        }
    }

    /** Spends the same time as a real check, so a login for an unknown account is not faster. */
    public void matchNothing(String password) {
        matches(password, dummyHash);
    }

    public static void validate(String password, List<Object> loc) {
        if (password.length() < MIN_LENGTH) {
            throw RequestValidationException.of(
                    "string_too_short", loc, "String should have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw RequestValidationException.of(
                    "string_too_long", loc, "Password must be at most " + MAX_BYTES + " bytes (UTF-8)");
        }
    }
}
