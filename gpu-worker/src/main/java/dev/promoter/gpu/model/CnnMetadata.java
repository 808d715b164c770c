package dev.promoter.gpu.model;

import java.util.List;
import java.util.Map;

/**
 * What a saved CNN needs besides its parameters: how to rebuild the block and what its outputs
 * mean. Written as {@value CnnModelDirectory#METADATA} beside the parameters.
 *
 * @param format        version of this layout, so a reader can refuse what it does not know
 * @param architecture  the network's shape
 * @param labels        class names in output order
 * @param seed          training seed
 * @param epochs        epochs trained (the parameters are those of {@code bestEpoch})
 * @param bestEpoch     the epoch with the lowest validation loss
 * @param datasetDigest SHA-256 of the training data
 * @param metrics       held-out evaluation, when known
 */
public record CnnMetadata(int format, CnnArchitecture architecture, List<String> labels, long seed,
    int epochs, int bestEpoch, String datasetDigest, Map<String, Double> metrics) {

  /**
   * The current {@link #format}: 2 added {@link CnnArchitecture#meanPooling()}. Format 1 (no such
   * field, read as false) still loads; a reader that knows only 1 refuses a format-2 model by
   * name instead of failing on an unknown field.
   */
  public static final int FORMAT = 2;

  /** The formats this reader loads. */
  public static final java.util.Set<Integer> READABLE_FORMATS = java.util.Set.of(1, 2);

  /** Validates and copies. */
  public CnnMetadata {
    labels = List.copyOf(labels);
    metrics = metrics == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(metrics));
    if (labels.size() != architecture.classes()) {
      throw new IllegalArgumentException(labels.size() + " labels for " + architecture.classes() + " outputs");
    }
  }

  /** @param newMetrics evaluation figures @return this metadata with them */
  public CnnMetadata withMetrics(Map<String, Double> newMetrics) {
    return new CnnMetadata(format, architecture, labels, seed, epochs, bestEpoch, datasetDigest, newMetrics);
  }
}
