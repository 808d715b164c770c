package dev.promoter.workflows.drift;

import java.util.List;

/**
 * What a monitor has done: answer to its query.
 *
 * @param modelName the model
 * @param nextCheck ISO-8601 instant of the next check
 * @param checks how many checks this continuation has made
 * @param lastVerdict the last check's verdict, or null before the first
 * @param retrainsStarted run ids started, oldest first (this continuation only)
 */
public record DriftMonitorState(String modelName, String nextCheck, int checks, String lastVerdict,
    List<String> retrainsStarted) {}
