package dev.promoter.experiment;

import dev.promoter.evaluation.EvaluationReport;
import dev.promoter.evaluation.Evaluator;
import dev.promoter.evaluation.LabelPredictor;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.sequence.FragmentSampler;
import dev.promoter.training.RrnaDataset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Held-out scoring, written once: every model, k-mer or CNN, scored after training or as the
 * champion, is scored here on the held-out records as they are and on the same seeded 150-500 bp
 * windows of them, under the same metric names ({@code macro_f1}, {@code fragments.macro_f1},
 * ...), so champion and challenger compare on equal terms.
 */
public final class HeldOutScoring {

  /** Seed of the test fragments: fixed, so every model is scored on the same windows. */
  public static final long TEST_FRAGMENT_SEED = 20_240_607L;
  /** Windows cut from each held-out record for the fragment score. */
  public static final int TEST_FRAGMENTS_PER_RECORD = 2;
  /** Prefix of the fragment metrics. */
  public static final String FRAGMENTS = "fragments.";

  private HeldOutScoring() {}

  /**
   * Both evaluations of one model.
   *
   * @param fullLength on the held-out records as they are
   * @param fragments on the seeded windows of them
   */
  public record Score(EvaluationReport fullLength, EvaluationReport fragments) {
    /** @return the full-length metrics, then the fragment ones prefixed {@value #FRAGMENTS} */
    public Map<String, Double> metrics() {
      Map<String, Double> metrics = new LinkedHashMap<>(fullLength.metrics());
      fragments.metrics().forEach((key, value) -> metrics.put(FRAGMENTS + key, value));
      return metrics;
    }
  }

  /**
   * @param model labels sequences
   * @param test labelled held-out records
   * @return its scores
   */
  public static Score score(LabelPredictor model, List<FastaRecord> test) {
    return new Score(Evaluator.evaluate(model, test, RrnaDataset::label),
        Evaluator.evaluate(model, testFragments(test), RrnaDataset::label));
  }

  /**
   * @param test held-out records
   * @return the seeded 150-500 bp windows every model is scored on
   */
  public static List<FastaRecord> testFragments(List<FastaRecord> test) {
    return FragmentSampler.withDefaultLengths(TEST_FRAGMENT_SEED).sampleAll(test, TEST_FRAGMENTS_PER_RECORD);
  }
}
