package dev.promoter.client;

/**
 * A created retraining schedule.
 *
 * @param scheduleId its id
 * @param mechanism {@code temporal-schedule} where the server has the Schedules API, or
 *     {@code cron-workflow} (the fallback loop) where it does not
 */
public record ScheduleHandle(String scheduleId, String mechanism) {}
