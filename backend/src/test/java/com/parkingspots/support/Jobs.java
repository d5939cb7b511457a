package com.parkingspots.support;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs a recurring db-scheduler task now, through the real scheduler (as a worker would), and waits for it. */
public final class Jobs {

    private Jobs() {}

    /** Reschedules the task to now and waits until a run that began after this call has succeeded and {@code done}. */
    public static void runNow(SchedulerClient scheduler, JdbcClient jdbc, String task, BooleanSupplier done)
            throws InterruptedException {
        Instant asked = jdbc.sql("SELECT now()")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        scheduler.reschedule(TaskInstanceId.of(task, RecurringTask.INSTANCE), Instant.now());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(succeededSince(jdbc, task, asked) && done.getAsBoolean())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("task " + task + " did not run within 30 s");
            }
            Thread.sleep(100);
        }
    }

    private static boolean succeededSince(JdbcClient jdbc, String task, Instant since) {
        return jdbc.sql("SELECT last_success >= ? FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
                .params(java.sql.Timestamp.from(since), task, RecurringTask.INSTANCE)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
