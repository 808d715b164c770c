package dev.promoter.inference;

import dev.promoter.evaluation.LabelPredictor;
import java.util.List;

/**
 * A loaded model of any framework that classifies sequences: the Tribuo k-mer
 * {@link SequenceClassifier}, or the GPU pool's DJL CNN. Deployment code sees only this.
 */
public interface Classifier extends LabelPredictor {

  /** @return the classes this model answers */
  List<String> labels();

  /**
   * @param sequences nucleotides
   * @return one prediction per sequence, in input order
   */
  List<Prediction> classify(List<String> sequences);

  @Override
  default List<String> predictLabels(List<String> sequences) {
    return classify(sequences).stream().map(Prediction::label).toList();
  }
}
