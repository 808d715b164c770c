package dev.promoter.experiment;

import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerParameters;
import dev.promoter.workflows.lifecycle.CandidateConfig;

/**
 * Turns a lifecycle candidate (trainer name + string parameters, as a workflow input carries
 * them) into a {@link TrainerConfig}, through {@link TrainerParameters}: the same mapping as
 * {@code promoter train}. Unknown parameters are refused rather than ignored, so a typo cannot
 * silently train the default.
 */
public final class CandidateTrainerConfig {

  private CandidateTrainerConfig() {}

  /**
   * The trainer configuration.
   *
   * @throws dev.promoter.training.InvalidTrainerParametersException naming the bad parameter
   */
  public static TrainerConfig of(CandidateConfig candidate) {
    return TrainerParameters.kmer(candidate.trainer(), candidate.params());
  }
}
