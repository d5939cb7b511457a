package com.parkingspots.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (JDK) that records every frame the server sends, for tests. */
final class WsClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Closed(int code, String reason) {}

    private final List<JsonNode> frames = new ArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(URI uri) {
        Listener listener = new Listener();
        this.socket = HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, listener)
                .join();
    }

    static WsClient connect(int port, String query) {
        return new WsClient(URI.create("ws://127.0.0.1:" + port + "/api/v1/ws" + query));
    }

    static WsClient connect(int port, com.parkingspots.support.Api.Session user) {
        WsClient client = connect(port, "?token=" + user.accessToken());
        client.await("connected", f -> true);
        return client;
    }

    /** The HTTP status of a refused handshake. */
    static int refusedStatus(int port, String query) {
        try {
            connect(port, query).close();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    JsonNode await(String type, Predicate<JsonNode> match) {
        return await(type, match, Duration.ofSeconds(15));
    }

    JsonNode await(String type, Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (frames) {
            while (true) {
                for (JsonNode frame : frames) {
                    if (frame.get("type").asString().equals(type) && match.test(frame.get("data"))) {
                        return frame;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No " + type + " frame within " + timeout + "; frames: " + frames);
                }
                try {
                    frames.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    List<JsonNode> frames(String type) {
        synchronized (frames) {
            return frames.stream()
                    .filter(f -> f.get("type").asString().equals(type))
                    .toList();
        }
    }

    /** Every frame that is an event (carries a sequence number). */
    List<JsonNode> events() {
        synchronized (frames) {
            return frames.stream().filter(f -> f.has("seq")).toList();
        }
    }

    Closed awaitClose() {
        return closed.orTimeout(15, TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame = JSON.readTree(partial.toString());
                partial.setLength(0);
                assertThat(frame.get("at").asString()).endsWith("Z");
                assertThat(frame.has("data")).isTrue();
                synchronized (frames) {
                    frames.add(frame);
                    frames.notifyAll();
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
