package com.parkingspots.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        try (var first = EmbeddedPostgresServer.start(dataDir, true, 0)) {
            execute(first, "CREATE TABLE memo (text varchar(50))", "INSERT INTO memo VALUES ('kept')");
        }
        try (var second = EmbeddedPostgresServer.start(dataDir, true, 0)) {
            assertThat(query(second, "SELECT text FROM memo")).isEqualTo("kept");
            assertThat(query(second, "SHOW fsync")).isEqualTo("on");
            assertThat(query(second, "SHOW synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void aPostmasterLeftBehindByAKilledJvmIsStoppedAndTheNextStartComesUpCleanly() throws Exception {
        // The "killed" run: another JVM starts the server, writes, and is killed with SIGKILL.
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledJvm.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try (var output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals(KilledJvm.READY)) {
                // skip the child's log lines
            }
            assertThat(line).as("child JVM reported ready").isEqualTo(KilledJvm.READY);
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        ProcessHandle orphan = EmbeddedPostgresServer.orphanedPostmaster(dataDir.resolve("postgres"))
                .orElseThrow(() -> new AssertionError("the killed JVM should have left its postmaster running"));

        try (var restarted = EmbeddedPostgresServer.start(dataDir, true, 0)) {
            assertThat(orphan.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(query(restarted, "SELECT text FROM memo")).isEqualTo("before the crash");
        }
    }

    /** Runs in a child JVM: starts the server, commits a row, says so, and waits to be killed. */
    public static final class KilledJvm {
        static final String READY = "READY-FOR-KILL";

        public static void main(String[] args) throws Exception {
            var server = EmbeddedPostgresServer.start(Path.of(args[0]), true, 0);
            execute(server, "CREATE TABLE memo (text varchar(50))", "INSERT INTO memo VALUES ('before the crash')");
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5));
        }
    }

    @Test
    void noOrphanIsReportedForACleanlyStoppedServer() throws Exception {
        try (var server = EmbeddedPostgresServer.start(dataDir, false, 0)) {
            assertThat(EmbeddedPostgresServer.orphanedPostmaster(server.dataDirectory()))
                    .isPresent();
        }
        assertThat(EmbeddedPostgresServer.orphanedPostmaster(dataDir.resolve("postgres")))
                .isEmpty();
    }

    private static void execute(EmbeddedPostgresServer server, String... statements) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), null);
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), null);
                var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
