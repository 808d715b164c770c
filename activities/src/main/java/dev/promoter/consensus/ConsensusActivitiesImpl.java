package dev.promoter.consensus;

import dev.promoter.consensus.newick.NewickFormatException;
import dev.promoter.workflows.activities.ConsensusActivities;
import dev.promoter.workflows.activities.ConsensusTask;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.Locale;

/** {@link TreeConsensus} as activities; malformed input fails at once (non-retryable). */
public final class ConsensusActivitiesImpl implements ConsensusActivities {
  private final TreeConsensus consensus = new TreeConsensus();

  @Override
  public String consensusTree(ConsensusTask task) {
    try {
      ConsensusMethod method = ConsensusMethod.valueOf(task.method().toUpperCase(Locale.ROOT));
      ConsensusOptions options = task.weights() != null && !task.weights().isEmpty()
          ? ConsensusOptions.weighted(task.weights().stream().mapToDouble(Double::doubleValue).toArray())
          : ConsensusOptions.of(method);
      return consensus.consensusNewick(Path.of(task.treesFile()),
          options.withThreshold(task.threshold(), task.keepAtThreshold()));
    } catch (NewickFormatException | IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
  }

  @Override
  public String rfMatrix(String treesFile, String normalization) {
    try {
      return consensus.rfTsv(Path.of(treesFile), RfNormalization.valueOf(normalization));
    } catch (NewickFormatException | IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
  }
}
