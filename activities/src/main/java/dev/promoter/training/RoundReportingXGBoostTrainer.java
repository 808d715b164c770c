package dev.promoter.training;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationConverter;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Tribuo's {@link XGBoostClassificationTrainer}, boosting one round per call so that each round
 * can be reported ("round 7/30"). Tribuo's trainer is final and boosts every round in one call
 * to {@code XGBoost.train}; this one does what that method does, but calls XGBoost4J's
 * continue-training overload once per round on the same booster. That overload starts at the
 * booster's round and updates with the same parameters, data and round index, so the booster is
 * the one a single call makes ({@code RoundReportingXGBoostTrainerTest} compares the boosters'
 * bytes and every predicted distribution). The provenance is the Tribuo trainer's own (its class,
 * settings and invocation count), so a model says it was made by Tribuo's trainer, which is true
 * of its numbers. The training matrix is built from primitive arrays ({@link CsrMatrix}: the
 * same rows, indices, values, labels and weights as Tribuo's conversion, which boxes every value
 * and index, about 40 bytes each, some 230 MB of garbage for the default candidate) and its native
 * copy is freed as soon as boosting ends instead of when the garbage collector finalizes it.
 *
 * <p>It can also set XGBoost's {@code max_bin}, which Tribuo's constructor does not take. Then
 * the provenance is that of Tribuo's trainer built from the full parameter map (its
 * {@code overrideParameters}), which is the trainer that boosts the same model: the map,
 * {@code max_bin} included, is recorded with the model.
 */
final class RoundReportingXGBoostTrainer extends XGBoostTrainer<Label> {
  private static final String MODEL_NAME = "xgboost-classification-model";

  private final XGBoostClassificationTrainer provenanceOf;
  private final TrainingListener listener;
  private final int histogramBins;

  /** The arguments of Tribuo's trainer constructor, plus who hears each round. */
  RoundReportingXGBoostTrainer(BoosterType booster, TreeMethod treeMethod, int rounds, double eta,
      double gamma, int maxDepth, double minChildWeight, double subsample, double featureSubsample,
      double lambda, double alpha, int threads, LoggingVerbosity verbosity, long seed,
      TrainingListener listener) {
    this(booster, treeMethod, rounds, eta, gamma, maxDepth, minChildWeight, subsample, featureSubsample,
        lambda, alpha, threads, verbosity, seed, 0, listener);
  }

  /**
   * As above, with XGBoost's {@code max_bin}.
   *
   * @param histogramBins most histogram bins per feature; 0 for XGBoost's default (256), and then
   *     Tribuo's own constructor's provenance
   */
  RoundReportingXGBoostTrainer(BoosterType booster, TreeMethod treeMethod, int rounds, double eta,
      double gamma, int maxDepth, double minChildWeight, double subsample, double featureSubsample,
      double lambda, double alpha, int threads, LoggingVerbosity verbosity, long seed,
      int histogramBins, TrainingListener listener) {
    super(booster, treeMethod, rounds, eta, gamma, maxDepth, minChildWeight, subsample,
        featureSubsample, lambda, alpha, threads, verbosity, seed);
    this.listener = listener;
    this.histogramBins = histogramBins;
    postConfig();
    this.provenanceOf = histogramBins == 0
        ? new XGBoostClassificationTrainer(booster, treeMethod, rounds, eta, gamma, maxDepth,
            minChildWeight, subsample, featureSubsample, lambda, alpha, threads, verbosity, seed)
        : new XGBoostClassificationTrainer(rounds, new java.util.TreeMap<>(parameters));
  }

  @Override
  public void postConfig() {
    super.postConfig();
    // as XGBoostClassificationTrainer.postConfig (its evalMetric is left empty)
    parameters.put("objective", "multi:softprob");
    if (histogramBins > 0) {
      parameters.put("max_bin", histogramBins);
    }
  }

  @Override
  public XGBoostModel<Label> train(Dataset<Label> examples) {
    return train(examples, Collections.emptyMap());
  }

  @Override
  public XGBoostModel<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
    return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
  }

  @Override
  public synchronized XGBoostModel<Label> train(Dataset<Label> examples,
      Map<String, Provenance> runProvenance, int invocationCount) {
    if (examples.getOutputInfo().getUnknownCount() > 0) {
      throw new IllegalArgumentException(
          "The supplied Dataset contained unknown Outputs, and this Trainer is supervised.");
    }
    ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
    ImmutableOutputInfo<Label> outputInfo = examples.getOutputIDInfo();
    if (invocationCount != INCREMENT_INVOCATION_COUNT) {
      setInvocationCount(invocationCount);
    }
    TrainerProvenance trainerProvenance = getProvenance();
    trainInvocationCounter++;
    Map<String, Object> current = overrideParameters.isEmpty() ? copyParams(parameters)
        : copyParams(overrideParameters);
    current.put("num_class", outputInfo.size());
    Booster booster = null;
    DMatrix data = null;
    try {
      data = CsrMatrix.of(examples, featureMap, outputInfo);
      if (data == null) {
        data = convertExamples(examples, featureMap, (Label l) -> (float) outputInfo.getID(l)).data;
      }
      for (int round = 0; round < numTrees; round++) {
        listener.progress("round " + (round + 1) + "/" + numTrees + " over "
            + String.format("%,d", examples.size()) + " examples");
        // continues `booster` from its round to round + 1, as one call for all rounds would
        booster = XGBoost.train(data, current, round + 1, Collections.emptyMap(), null, null,
            null, 0, booster);
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException(e);
    } finally {
      if (data != null) {
        data.dispose();
      }
    }
    ModelProvenance provenance = new ModelProvenance(XGBoostModel.class.getName(),
        OffsetDateTime.now(), examples.getProvenance(), trainerProvenance, runProvenance);
    return createModel(MODEL_NAME, provenance, featureMap, outputInfo, Collections.singletonList(booster),
        new XGBoostClassificationConverter());
  }

  /** Tribuo's trainer's provenance at this trainer's invocation count. */
  @Override
  public synchronized TrainerProvenance getProvenance() {
    provenanceOf.setInvocationCount(trainInvocationCounter);
    return provenanceOf.getProvenance();
  }
}
