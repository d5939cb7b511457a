package com.parkingspots.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away Redis on a random loopback port for multi-instance tests: the machine's {@code redis-server} when one is
 * installed ({@code apt-get install -y redis-server}), otherwise the Redis 7.0 binary shipped in
 * {@code org.signal:embedded-redis}. Can be stopped and started again on the same port to simulate an outage.
 */
public final class TestRedis implements AutoCloseable {

    private final int port;
    private @Nullable Process process;
    private redis.embedded.@Nullable RedisServer embedded;

    private TestRedis(int port) {
        this.port = port;
    }

    /** Starts one, or explains why none can be had. */
    public static TestRedis start() throws IOException {
        TestRedis redis = new TestRedis(freePort());
        redis.up();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public void up() throws IOException {
        Optional<Path> binary = installedBinary();
        if (binary.isPresent()) {
            process = new ProcessBuilder(List.of(
                            binary.get().toString(),
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--protected-mode",
                            "yes"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } else {
            embedded = new redis.embedded.RedisServer(port);
            embedded.start();
        }
        awaitPing(Duration.ofSeconds(10));
    }

    public void down() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
        if (embedded != null) {
            embedded.stop();
            embedded = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        down();
    }

    private static Optional<Path> installedBinary() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin:/usr/sbin";
        return Stream.of(path.split(":"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private void awaitPing(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                socket.setSoTimeout(500);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] reply = in.readNBytes(5);
                if (new String(reply, StandardCharsets.US_ASCII).equals("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("Redis on port " + port + " did not answer within " + timeout, notYet);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
