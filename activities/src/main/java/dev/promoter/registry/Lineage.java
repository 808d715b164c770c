package dev.promoter.registry;

/**
 * Where a model version came from.
 *
 * @param datasetDigest SHA-256 of the training data as the trainer read it
 * @param codeVersion version of the code that trained it (git commit or release)
 * @param parentRun the lifecycle run (workflow id) or experiment that produced it
 */
public record Lineage(String datasetDigest, String codeVersion, String parentRun) {
  /** No lineage recorded. */
  public static final Lineage NONE = new Lineage(null, null, null);
}
