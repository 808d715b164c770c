package dev.promoter.deploy;

import dev.promoter.evaluation.EvaluationReport;
import dev.promoter.evaluation.Evaluator;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.experiment.TrainingRun;
import dev.promoter.inference.Prediction;
import dev.promoter.inference.Classifier;
import dev.promoter.registry.RegistryException;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.RrnaDataset;
import dev.promoter.workflows.activities.EvaluationActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Champion evaluation and smoke checks of registered versions. Read-only, so safe to retry. */
public final class DeploymentActivitiesImpl implements EvaluationActivities {
  /** Records classified by a smoke check. */
  static final int SMOKE_BATCH = 24;
  /** Below this share right on the smoke batch, a version is not fit to serve. */
  static final double SMOKE_FLOOR = 0.5;
  private final RegisteredModels models;
  private final DatasetResolver datasets;

  /** Checks of the models in {@code models}, on datasets from {@code datasets}. */
  public DeploymentActivitiesImpl(RegisteredModels models, DatasetResolver datasets) {
    this.models = models;
    this.datasets = datasets;
  }

  @Override
  public Map<String, Double> evaluateVersion(String modelName, int version, String dataset) {
    try {
      Classifier classifier = models.classifier(modelName, version);
      List<FastaRecord> test = datasets.load(dataset).test();
      EvaluationReport full = Evaluator.evaluate(classifier, test, RrnaDataset::label);
      EvaluationReport fragments = Evaluator.evaluate(classifier, TrainingRun.testFragments(test),
          RrnaDataset::label);
      Map<String, Double> metrics = new LinkedHashMap<>(full.metrics());
      fragments.metrics().forEach((k, v) -> metrics.put("fragments." + k, v));
      return metrics;
    } catch (RegistryException | IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
  }

  @Override
  public String smokeCheck(String modelName, int version, String dataset) {
    List<FastaRecord> batch;
    try {
      List<FastaRecord> test = datasets.load(dataset).test();
      batch = test.subList(0, Math.min(SMOKE_BATCH, test.size()));
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
    try {
      Classifier classifier = models.classifier(modelName, version);
      List<Prediction> predictions = classifier.classify(batch.stream().map(FastaRecord::sequence).toList());
      long right = 0;
      for (int i = 0; i < batch.size(); i++) {
        if (predictions.get(i).label().equals(RrnaDataset.label(batch.get(i)))) {
          right++;
        }
      }
      if (right < SMOKE_FLOOR * batch.size()) {
        return modelName + " v" + version + " classified " + right + " of " + batch.size()
            + " smoke sequences correctly";
      }
      return null;
    } catch (RuntimeException e) {
      // a model that cannot load or classify fails the check; the workflow compensates
      return modelName + " v" + version + " cannot serve: " + e.getMessage();
    }
  }
}
