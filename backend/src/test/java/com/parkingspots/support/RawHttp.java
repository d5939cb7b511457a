package com.parkingspots.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written byte for byte to a socket, for requests that {@code java.net.http} and MockMvc refuse to send: a
 * request target with {@code %zz}, {@code {x}} or raw bytes, a 100,000-character query, a body whose
 * {@code Content-Length} announces more than is sent. Every request is {@code Connection: close}; the response is read
 * to the end of the stream.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TIMEOUT_MILLIS = 10_000;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first value of a header, by case-insensitive name, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        public boolean isJson() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/json");
        }

        /** JSON with a {@code detail} member, as every error must be (CONTRACT.md Decision 5). */
        public boolean hasJsonDetail() {
            if (!isJson()) {
                return false;
            }
            try {
                JsonNode json = json();
                return json.isObject()
                        && json.has("detail")
                        && !json.get("detail").isNull();
            } catch (RuntimeException notJson) {
                return false;
            }
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers.getOrDefault("content-type", List.of()) + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** {@code GET target} with the given header pairs (name, value, name, value…). */
    public Response get(String target, String... headers) {
        return send("GET", target, null, headers);
    }

    /**
     * A request with a body sent with its true {@code Content-Length} (unless a header pair sets one or
     * {@code Transfer-Encoding}, in which case the body is sent as given).
     */
    public Response send(String method, String target, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: localhost:").append(port).append("\r\n");
        boolean framed = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            framed |= headers[i].equalsIgnoreCase("Content-Length") || headers[i].equalsIgnoreCase("Transfer-Encoding");
        }
        if (body != null && !framed) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        return exchange(start, body == null ? new byte[0] : body);
    }

    /** Chunked encoding of {@code body}, in chunks of 64 KB. */
    public static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
        for (int offset = 0; offset < body.length; offset += 65536) {
            int length = Math.min(65536, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private Response exchange(byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.flush();
            // the body is written on its own thread: a server that answers early (413) and closes must not make the
            // writer's failure hide its answer
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException closedEarly) {
                    // expected when the server refuses the body
                }
            });
            byte[] raw = readAll(socket.getInputStream());
            writer.join(TIMEOUT_MILLIS);
            return parse(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads one response: up to its {@code Content-Length}, its last chunk or the end of the stream, whichever the
     * headers say (a server that refused a body may keep the connection open to swallow what it was announced).
     */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            int n;
            while (!complete(data.toByteArray()) && (n = in.read(buffer)) >= 0) {
                data.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no complete response within " + TIMEOUT_MILLIS + " ms; got: "
                    + data.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException reset) {
            // a reset after the response arrived (the server closed with unread body bytes): keep what was read
            if (data.size() == 0) {
                throw reset;
            }
        }
        return data.toByteArray();
    }

    private static boolean complete(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        for (String line : head.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return data.length - (end + 4)
                        >= Long.parseLong(line.substring(15).strip());
            }
            if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                return text.endsWith("\r\n0\r\n\r\n") || text.substring(end + 4).startsWith("0\r\n\r\n");
            }
        }
        return false;
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("not an HTTP response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.get("transfer-encoding");
        byte[] body = encoding != null && encoding.getFirst().equalsIgnoreCase("chunked") ? dechunk(rest) : rest;
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        int position = 0;
        while (position < data.length) {
            int lineEnd = indexOf(data, position);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(data, position, lineEnd - position, StandardCharsets.US_ASCII).strip();
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
            if (length == 0) {
                break;
            }
            int from = lineEnd + 2;
            out.write(data, from, Math.min(length, data.length - from));
            position = from + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
