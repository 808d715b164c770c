package dev.promoter.deploy;

import dev.promoter.artifact.ArtifactIntegrityException;
import dev.promoter.bundle.ModelFormatException;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.experiment.HeldOutScoring;
import dev.promoter.inference.Classifier;
import dev.promoter.inference.Prediction;
import dev.promoter.registry.RegistryActivitiesImpl;
import dev.promoter.registry.RegistryException;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.RrnaDataset;
import dev.promoter.workflows.activities.EvaluationActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;

/**
 * Champion evaluation and smoke checks of registered versions. Read-only, so safe to retry.
 *
 * <p>Only a fault of the version itself is a verdict (a smoke check that fails, which rolls
 * production back): an artifact that is missing from a reachable store, corrupt, or refused by its
 * loader, or a model that cannot classify. An outage (registry unavailable, artifact store or
 * dataset unreadable) stays a retryable failure; a bad request (unknown version or dataset) fails
 * at once without a verdict.
 */
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
    List<FastaRecord> test = testRecords(dataset);
    Classifier classifier;
    try {
      classifier = models.classifier(modelName, version);
    } catch (RegistryException e) {
      throw RegistryActivitiesImpl.failure(e);
    } catch (ArtifactIntegrityException | IllegalArgumentException e) {
      // the champion itself cannot be loaded: retrying will not change that
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
    return HeldOutScoring.score(classifier, test).metrics();
  }

  @Override
  public String smokeCheck(String modelName, int version, String dataset) {
    List<FastaRecord> test = testRecords(dataset);
    List<FastaRecord> batch = test.subList(0, Math.min(SMOKE_BATCH, test.size()));
    String name = modelName + " v" + version;
    Classifier classifier;
    try {
      classifier = models.classifier(modelName, version);
    } catch (RegistryException e) {
      throw RegistryActivitiesImpl.failure(e);
    } catch (ArtifactIntegrityException | ModelFormatException e) {
      return name + " cannot serve: " + e.getMessage();
    } catch (IllegalArgumentException e) {
      // no loader for its framework on this worker: a deployment problem, not the version's
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
    List<Prediction> predictions;
    try {
      predictions = classifier.classify(batch.stream().map(FastaRecord::sequence).toList());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return name + " cannot classify: " + e.getMessage();
    }
    long right = 0;
    for (int i = 0; i < batch.size(); i++) {
      if (predictions.get(i).label().equals(RrnaDataset.label(batch.get(i)))) {
        right++;
      }
    }
    if (right < SMOKE_FLOOR * batch.size()) {
      return name + " classified " + right + " of " + batch.size() + " smoke sequences correctly";
    }
    return null;
  }

  /** The held-out records; an unknown or malformed dataset is bad input, an unreadable one retried. */
  private List<FastaRecord> testRecords(String dataset) {
    try {
      return datasets.load(dataset).test();
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
  }
}
