package dev.promoter.cli;

import dev.promoter.inference.Classifier;
import dev.promoter.inference.CompiledLabels;
import dev.promoter.inference.Prediction;
import dev.promoter.sequence.SequenceBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Anything that labels a batch of sequences: one model, or an ensemble of them. */
@FunctionalInterface
interface LabelClassifier {

  /**
   * Labels every record of {@code batch}: slot i of each array (at least {@code batch.size()}
   * long) receives record i's label, confidence and whether it was a no-evidence answer.
   */
  void label(SequenceBatch batch, String[] label, double[] confidence, boolean[] noEvidence, Labelled done);

  /**
   * Told that records {@code [from, to)} of the batch have their answers in the arrays; called on
   * the thread that labelled them, possibly for several slices at once, each record once, before
   * {@link #label} returns. The command formats its lines there, so that formatting runs on every
   * core instead of on one between batches.
   */
  @FunctionalInterface
  interface Labelled {
    void slice(int from, int to);
  }

  /** Through {@link Prediction}s: any model or ensemble, each record's bases as a string. */
  static LabelClassifier of(Function<List<String>, List<Prediction>> classify) {
    return (batch, label, confidence, noEvidence, done) -> {
      List<String> sequences = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        sequences.add(batch.sequence(i));
      }
      List<Prediction> predictions = classify.apply(sequences);
      for (int i = 0; i < predictions.size(); i++) {
        Prediction p = predictions.get(i);
        label[i] = p.label();
        confidence[i] = p.confidence();
        noEvidence[i] = p.isNoEvidence();
      }
      done.slice(0, predictions.size());
    };
  }

  /** One model's compiled path, on the bytes in place: slices of the batch labelled in parallel. */
  static LabelClassifier of(Classifier model) {
    CompiledLabels compiled = model instanceof dev.promoter.inference.SequenceClassifier sequence
        ? sequence.compiledLabels() : null;
    if (compiled == null) {
      return of(model::classify);
    }
    return (batch, label, confidence, noEvidence, done) -> {
      int n = batch.size();
      // slices of 64 or more records, a few per core, so that work stealing evens out their lengths
      int slices = Math.max(1, Math.min(n / 64, 4 * Runtime.getRuntime().availableProcessors()));
      IntStream.range(0, slices).parallel().forEach(s -> {
        int from = n * s / slices;
        int to = n * (s + 1) / slices;
        compiled.label(batch, from, to, label, confidence, noEvidence);
        done.slice(from, to);
      });
    };
  }
}
