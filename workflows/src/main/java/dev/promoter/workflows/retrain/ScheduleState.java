package dev.promoter.workflows.retrain;

import java.util.List;

/**
 * What the schedule has done: answer to its query.
 *
 * @param cron the expression
 * @param nextFire ISO-8601 instant of the next fire, or null while waiting on a running run
 * @param started run ids started, oldest first (this continuation only)
 * @param skipped how many fire times were skipped by the overlap policy
 * @param running the run going now, or null
 */
public record ScheduleState(String cron, String nextFire, List<String> started, int skipped,
    String running) {}
