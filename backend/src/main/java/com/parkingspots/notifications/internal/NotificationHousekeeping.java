package com.parkingspots.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.parkingspots.shared.db.Housekeeping;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Notification rows that outlive their use: delivered emails and pushes a week after their delivery (failed ones are
 * kept for a month, to be looked at), fired reminders a week after they fired, read inbox rows after 180 days.
 */
@Configuration(proxyBeanMethods = false)
class NotificationHousekeeping {

    static final String TASK = "notifications-housekeeping";

    static final List<Housekeeping.Purge> PURGES = List.of(
            new Housekeeping.Purge(
                    "notification_outbox",
                    "notification_outbox",
                    "(status = 'sent' AND sent_at < now() - interval '7 days')"
                            + " OR (status = 'failed' AND created_at < now() - interval '30 days')",
                    "status <> 'pending'"),
            new Housekeeping.Purge(
                    "notification_reminders",
                    "notification_reminders",
                    "fired_at < now() - interval '7 days'",
                    "fired_at IS NOT NULL"),
            new Housekeeping.Purge(
                    "notifications_read",
                    "notifications",
                    "read_at < now() - interval '180 days'",
                    "read_at < now() - interval '180 days'"));

    @Bean
    RecurringTask<Void> notificationsHousekeepingTask(Housekeeping housekeeping) {
        return housekeeping.task(TASK, Duration.ofHours(1), PURGES);
    }
}
