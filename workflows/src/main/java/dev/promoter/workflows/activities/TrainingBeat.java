package dev.promoter.workflows.activities;

/**
 * Heartbeat details of a k-mer training activity: which candidate, and the step it is in. Clients
 * read them from the server's description of the run's pending activities (never from workflow
 * code, so they take no part in any decision and enter no history).
 *
 * @param candidate the candidate's name
 * @param detail    the step it is in, e.g. {@code tree 4/10}
 * @param seconds   seconds since the attempt started training
 */
public record TrainingBeat(String candidate, String detail, long seconds) {

  /** @return e.g. {@code training forest for 40 s: tree 4/10} */
  @Override
  public String toString() {
    return "training " + candidate + " for " + seconds + " s" + (detail == null ? "" : ": " + detail);
  }
}
