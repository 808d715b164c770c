package dev.promoter.workflows.drift;

/**
 * What a drift monitor watches.
 *
 * @param modelName the model; its monitor's workflow id is {@link #workflowId(String)}
 * @param settings how it checks and when it retrains (checked)
 * @param submittedBy who created the monitor; the retraining runs it starts are submitted as
 *     this user, as a schedule's runs are submitted as its creator
 * @param checksBeforeContinueAsNew keeps the history short: after this many checks the loop
 *     continues as new
 */
public record DriftMonitorRequest(String modelName, DriftSettings settings, String submittedBy,
    int checksBeforeContinueAsNew) {

  /** The monitor's workflow id: one monitor per model. */
  public static String workflowId(String modelName) {
    return "drift-" + modelName;
  }
}
