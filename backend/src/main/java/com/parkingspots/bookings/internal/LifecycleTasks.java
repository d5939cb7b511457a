package com.parkingspots.bookings.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The booking lifecycle as persistent one-time tasks (db-scheduler, CONTRACT Decision 18): start at {@code start_time},
 * complete at {@code end_time}, expire an unpaid hold at its end. The task instance id is the booking id, so there is
 * one task of each kind per booking; they are scheduled in the booking's own transaction, picked by exactly one
 * instance ({@code FOR UPDATE SKIP LOCKED}), and run late after downtime rather than never. Each handler is a guarded
 * transition, so a retried or stale task (a cancelled booking's) changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleTasks {

    static final String START = "booking-start";
    static final String COMPLETE = "booking-complete";
    static final String EXPIRE_HOLD = "booking-hold-expiry";
    /** Instance id: the extension's id. */
    static final String EXPIRE_EXTENSION = "booking-extension-expiry";

    @Bean
    OneTimeTask<Void> bookingStartTask(ObjectProvider<BookingManagement> bookings, Lag lag) {
        return Tasks.oneTime(START, Void.class).execute((instance, context) -> {
            lag.started(context);
            bookings.getObject().autoStart(UUID.fromString(instance.getId()));
        });
    }

    @Bean
    OneTimeTask<Void> bookingCompleteTask(ObjectProvider<BookingManagement> bookings, Lag lag) {
        return Tasks.oneTime(COMPLETE, Void.class).execute((instance, context) -> {
            lag.started(context);
            bookings.getObject().autoComplete(UUID.fromString(instance.getId()));
        });
    }

    @Bean
    OneTimeTask<Void> bookingHoldExpiryTask(ObjectProvider<BookingManagement> bookings, Lag lag) {
        return Tasks.oneTime(EXPIRE_HOLD, Void.class).execute((instance, context) -> {
            lag.started(context);
            bookings.getObject().expireHold(UUID.fromString(instance.getId()));
        });
    }

    @Bean
    OneTimeTask<Void> bookingExtensionExpiryTask(ObjectProvider<BookingExtensions> extensions, Lag lag) {
        return Tasks.oneTime(EXPIRE_EXTENSION, Void.class).execute((instance, context) -> {
            lag.started(context);
            extensions.getObject().expire(UUID.fromString(instance.getId()));
        });
    }

    /** Feeds {@code parkingspots.jobs.lag}: due time (the execution's scheduled time) to the moment it started. */
    static final class Lag {

        private final BookingMetrics metrics;
        private final Clock clock;

        Lag(BookingMetrics metrics, Clock clock) {
            this.metrics = metrics;
            this.clock = clock;
        }

        void started(ExecutionContext context) {
            var execution = context.getExecution();
            metrics.jobStarted(execution.getTaskName(), execution.getExecutionTime(), clock.instant());
        }
    }

    @Bean
    Lag jobLag(BookingMetrics metrics, Clock clock) {
        return new Lag(metrics, clock);
    }

    /** Schedules and unschedules the tasks of a booking, inside the caller's transaction. */
    static final class Schedule {

        private final ObjectProvider<SchedulerClient> scheduler;

        Schedule(ObjectProvider<SchedulerClient> scheduler) {
            this.scheduler = scheduler;
        }

        void at(String task, UUID bookingId, Instant when) {
            scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(task, bookingId.toString()), when);
        }

        /**
         * The tasks of a booking just inserted (in this transaction, so none exists yet): one batch, without the
         * existence check of {@link #at}.
         */
        void newBooking(UUID bookingId, Instant start, Instant end, @Nullable Instant holdExpires) {
            String id = bookingId.toString();
            List<SchedulableInstance<?>> tasks = new ArrayList<>(3);
            tasks.add(SchedulableInstance.of(new TaskInstance<Void>(START, id), start));
            tasks.add(SchedulableInstance.of(new TaskInstance<Void>(COMPLETE, id), end));
            if (holdExpires != null) {
                tasks.add(SchedulableInstance.of(new TaskInstance<Void>(EXPIRE_HOLD, id), holdExpires));
            }
            scheduler.getObject().scheduleBatch(tasks);
        }

        /**
         * Moves a task to a new time (an extension moves the booking's auto-complete): reschedules it when it has not
         * started, schedules it when there is none. A task that is running is left alone (it finds nothing to do).
         */
        void move(String task, UUID bookingId, Instant when) {
            TaskInstanceId id = TaskInstanceId.of(task, bookingId.toString());
            var execution = scheduler.getObject().getScheduledExecution(id);
            if (execution.isEmpty()) {
                at(task, bookingId, when);
            } else if (!execution.get().isPicked()) {
                try {
                    scheduler.getObject().reschedule(id, when);
                } catch (TaskInstanceCurrentlyExecutingException pickedMeanwhile) {
                    // picked between the check and the move: it finds the booking not due and does nothing
                }
            }
        }

        /**
         * Removes a task that has not started. A task that is running (it may be the caller itself) is left alone: it
         * is removed when it finishes, and a stale one finds nothing to do.
         */
        void cancel(String task, UUID bookingId) {
            TaskInstanceId id = TaskInstanceId.of(task, bookingId.toString());
            var execution = scheduler.getObject().getScheduledExecution(id);
            if (execution.isEmpty() || execution.get().isPicked()) {
                return;
            }
            try {
                scheduler.getObject().cancel(id);
            } catch (TaskInstanceCurrentlyExecutingException pickedMeanwhile) {
                // picked between the check and the cancel: it will do nothing
            }
        }
    }

    @Bean
    Schedule bookingSchedule(ObjectProvider<SchedulerClient> scheduler) {
        return new Schedule(scheduler);
    }
}
