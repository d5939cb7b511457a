import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Cost per password hash, one thread, the product's encoders (Spring Security with Bouncy Castle): wall time and this
 * thread's CPU time per hash and per verification, after a warm-up. CPU time hardly depends on what else the machine
 * runs; wall time does (the load average is printed before and after).
 *
 * <p>Run with the product's libraries on the class path: {@code java -cp 'bench/target/lib/*' bench/HashCost.java}
 * (bench/password-bench.sh extracts them from the jar).
 */
public class HashCost {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.println("LOAD before " + load());
        Map<String, PasswordEncoder> encoders = new LinkedHashMap<>();
        encoders.put("bcrypt cost 10", new BCryptPasswordEncoder(10));
        encoders.put("bcrypt cost 12 (the previous system's)", new BCryptPasswordEncoder(12));
        encoders.put("argon2id m=19456 KiB t=2 p=1 (OWASP minimum, the product's)", new Argon2PasswordEncoder(16, 32, 1, 19456, 2));
        encoders.put("argon2id m=47104 KiB t=1 p=1 (OWASP's first option)", new Argon2PasswordEncoder(16, 32, 1, 47104, 1));
        encoders.put("argon2id m=64 KiB t=1 p=1 (the tests')", new Argon2PasswordEncoder(16, 32, 1, 64, 1));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (var e : encoders.entrySet()) {
            PasswordEncoder encoder = e.getValue();
            String hash = encoder.encode("correct-horse-battery-staple");
            for (int i = 0; i < 3; i++) { // warm-up
                encoder.matches("correct-horse-battery-staple", hash);
            }
            long[][] encode = measure(rounds, threads, () -> encoder.encode("correct-horse-battery-staple"));
            long[][] verify = measure(rounds, threads, () -> encoder.matches("wrong-horse-battery-staple", hash));
            System.out.printf(
                    "RESULT algorithm=\"%s\" rounds=%d hash_wall_p50_ms=%.1f hash_wall_p90_ms=%.1f hash_cpu_p50_ms=%.1f"
                            + " verify_wall_p50_ms=%.1f verify_cpu_p50_ms=%.1f%n",
                    e.getKey(),
                    rounds,
                    p(encode[0], 50),
                    p(encode[0], 90),
                    p(encode[1], 50),
                    p(verify[0], 50),
                    p(verify[1], 50));
        }
        System.out.println("LOAD after " + load());
    }

    /** [wall nanos per round, CPU nanos per round]. */
    static long[][] measure(int rounds, ThreadMXBean threads, Supplier<?> work) {
        long[] wall = new long[rounds];
        long[] cpu = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            work.get();
            wall[i] = System.nanoTime() - w0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        return new long[][] {wall, cpu};
    }

    static double p(long[] values, double pct) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(pct / 100 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    static String load() throws Exception {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    }
}
