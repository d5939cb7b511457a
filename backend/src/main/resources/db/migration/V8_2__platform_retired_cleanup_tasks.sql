-- The hourly idempotency-key and event-publication cleanups became the batched housekeeping tasks
-- (bookings-housekeeping, event-publication-housekeeping): forget the old tasks' schedules, which db-scheduler would
-- otherwise keep reporting as tasks it has no implementation for.
DELETE FROM scheduled_tasks
WHERE task_name IN ('booking-idempotency-key-cleanup', 'event-publication-cleanup');
