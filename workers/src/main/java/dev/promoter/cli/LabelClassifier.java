package dev.promoter.cli;

import dev.promoter.inference.Prediction;
import java.util.List;

/** Anything that labels a batch of sequences: one model, or an ensemble of them. */
@FunctionalInterface
interface LabelClassifier {
  List<Prediction> classify(List<String> sequences);
}
