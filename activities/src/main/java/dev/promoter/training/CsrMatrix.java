package dev.promoter.training;

import java.util.Arrays;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

/**
 * XGBoost's training matrix from a Tribuo dataset, as Tribuo's {@code XGBoostTrainer.convertExamples}
 * builds it (each feature's value as a float at its feature id, rows in dataset order, the label's
 * id and the example's weight), in primitive arrays instead of lists of boxed numbers. Only for
 * examples whose feature ids increase along the example, which Tribuo's examples (sorted by name)
 * and feature maps (ids in name order) give; otherwise it returns null and the caller uses
 * Tribuo's conversion, which also merges repeated features.
 */
final class CsrMatrix {
  private CsrMatrix() { }

  /** The matrix, or null when some example's feature ids do not increase. */
  static DMatrix of(Dataset<Label> examples, ImmutableFeatureMap featureMap,
      ImmutableOutputInfo<Label> outputInfo) throws XGBoostError {
    int rows = examples.size();
    long[] headers = new long[rows + 1];
    float[] labels = new float[rows];
    float[] weights = new float[rows];
    float[] values = new float[1 << 16];
    int[] indices = new int[1 << 16];
    int size = 0;
    int row = 0;
    for (Example<Label> example : examples) {
      labels[row] = (float) outputInfo.getID(example.getOutput());
      weights[row] = example.getWeight();
      int previous = -1;
      int start = size;
      for (Feature feature : example) {
        int id = featureMap.getID(feature.getName());
        if (id > previous) {
          if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            indices = Arrays.copyOf(indices, size * 2);
          }
          values[size] = (float) feature.getValue();
          indices[size] = id;
          size++;
          previous = id;
        } else if (id > -1) {
          return null;
        }
      }
      if (size == start) {
        throw new IllegalArgumentException("No features found in Example" + example);
      }
      headers[++row] = size;
    }
    DMatrix matrix = new DMatrix(headers, Arrays.copyOf(indices, size), Arrays.copyOf(values, size),
        DMatrix.SparseType.CSR, featureMap.size());
    matrix.setLabel(labels);
    matrix.setWeight(weights);
    return matrix;
  }
}
