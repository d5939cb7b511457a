package parkingspots.load;

import io.gatling.javaapi.core.Session;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the report needs beyond Gatling's own HTML: every request (start time, name, status, response time) in
 * {@code requests.csv}, the visitors in the middle of a visit once a second in {@code users.csv} (Gatling's "active
 * users"), and when each rate step began in {@code steps.csv}.
 */
final class Recorder {
    private static final AtomicInteger ACTIVE = new AtomicInteger();
    private static final AtomicLong STARTED = new AtomicLong();
    private static BufferedWriter requests;
    private static BufferedWriter users;
    private static ScheduledExecutorService sampler;

    private Recorder() {}

    static synchronized void start(Path dir, double[] rates, int stepSeconds, double requestsPerVisit) {
        try {
            Files.createDirectories(dir);
            long t0 = System.currentTimeMillis();
            try (BufferedWriter steps = Files.newBufferedWriter(dir.resolve("steps.csv"))) {
                steps.write("step,rate_rps,visits_per_s,start_ms,end_ms\n");
                for (int i = 0; i < rates.length; i++) {
                    steps.write(String.format(Locale.ROOT, "%d,%s,%.4f,%d,%d%n", i + 1, rates[i],
                            rates[i] / requestsPerVisit, t0 + i * stepSeconds * 1000L,
                            t0 + (i + 1) * stepSeconds * 1000L));
                }
            }
            requests = Files.newBufferedWriter(dir.resolve("requests.csv"));
            requests.write("start_ms,name,status,ms\n");
            users = Files.newBufferedWriter(dir.resolve("users.csv"));
            users.write("t_ms,active_visitors,visits_started\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(Recorder::sampleUsers, 0, 1, TimeUnit.SECONDS);
    }

    private static synchronized void sampleUsers() {
        try {
            if (users != null) {
                users.write(System.currentTimeMillis() + "," + ACTIVE.get() + "," + STARTED.get() + "\n");
                users.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void visitStarted() {
        ACTIVE.incrementAndGet();
        STARTED.incrementAndGet();
    }

    static void visitEnded() {
        ACTIVE.decrementAndGet();
    }

    /** Status 0: no response (timeout, connection error); the time is then measured around the request. */
    static void request(String name, Session session) {
        long end = System.currentTimeMillis();
        long start = session.getLong("t0");
        int status = session.contains("status") ? session.getInt("status") : 0;
        long ms = session.contains("rt") ? session.getLong("rt") : end - start;
        String line = start + "," + name + "," + status + "," + ms + "\n";
        synchronized (Recorder.class) {
            try {
                requests.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
        try {
            sampleUsers();
            if (requests != null) requests.close();
            if (users != null) users.close();
            requests = null;
            users = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
