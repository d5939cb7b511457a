package com.parkingspots.shared.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a raw query string ({@code application/x-www-form-urlencoded}) strictly: every {@code %} followed by two hex
 * digits, and the bytes valid UTF-8 (no overlong forms such as {@code %C0%AE}, no encoded surrogates such as
 * {@code %ED%A0%80}, no truncated sequences such as a lone {@code %C3}). Tomcat fails on these only when a parameter is
 * first read, deep inside a controller; this finds them before anything runs.
 */
final class FormUrlEncoded {

    record Parameter(String name, String value) {}

    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    private FormUrlEncoded() {}

    static List<Parameter> decode(String raw) throws MalformedException {
        List<Parameter> parameters = new ArrayList<>();
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = raw.length();
            }
            if (end > start) {
                String pair = raw.substring(start, end);
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.add(new Parameter(component(name), component(value)));
            }
            start = end + 1;
        }
        return parameters;
    }

    /**
     * Whether a raw request path is well-formed percent-encoded UTF-8 throughout, its {@code ;} path parameters too
     * (Tomcat checks the path proper, and leaves path parameters to whoever reads them).
     */
    static boolean isWellFormedPath(String rawPath) {
        try {
            component(rawPath.replace('+', ' '));
            return true;
        } catch (MalformedException e) {
            return false;
        }
    }

    private static String component(String encoded) throws MalformedException {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0 && isAscii(encoded)) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new MalformedException("incomplete percent-encoding");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedException("invalid percent-encoding");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c <= 0xFF) {
                // the container hands over the raw query bytes one char per byte (ISO-8859-1)
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("not UTF-8");
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
