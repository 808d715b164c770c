package dev.promoter.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.registry.DriftChecks;
import dev.promoter.registry.ModelVersion;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.RrnaDataset;
import dev.promoter.workflows.lifecycle.RunJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary columns of the records a version was trained on, found through its lineage (the
 * run that registered it, that run's dataset reference, checked against the version's dataset
 * digest) and cached in the registry per artifact digest: a version's training data never
 * changes, and re-reading 4,000 FASTA records every 15 minutes would be the check's main cost.
 */
public final class TrainingReference {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DriftChecks checks;
  private final DatasetResolver datasets;

  /** References read through the registry and resolved against the workers' data root. */
  public TrainingReference(DriftChecks checks, DatasetResolver datasets) {
    this.checks = checks;
    this.datasets = datasets;
  }

  /** Why a version has no reference: the check records itself as skipped with this message. */
  public static final class Missing extends RuntimeException {
    Missing(String message) {
      super(message);
    }
  }

  /**
   * One row per training record, one column per {@link SequenceSummary#COLUMNS} entry.
   *
   * @throws Missing when the lineage does not lead to the training records
   */
  public float[][] of(ModelVersion version) {
    String cached = checks.reference(version.artifactSha256()).orElse(null);
    if (cached != null) {
      return rows(cached);
    }
    RrnaDataset dataset = dataset(version);
    Map<String, double[]> columns = new LinkedHashMap<>();
    List<FastaRecord> train = dataset.train();
    for (String column : SequenceSummary.COLUMNS) {
      columns.put(column, new double[train.size()]);
    }
    for (int i = 0; i < train.size(); i++) {
      Map<String, Double> summary = SequenceSummary.of(train.get(i).sequence());
      for (String column : SequenceSummary.COLUMNS) {
        columns.get(column)[i] = summary.get(column);
      }
    }
    String json;
    try {
      json = JSON.writeValueAsString(columns);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    checks.saveReference(version.artifactSha256(), dataset.digest(), train.size(), json);
    return rows(json);
  }

  private RrnaDataset dataset(ModelVersion version) {
    String run = version.lineage().parentRun();
    String name = version.modelName() + " v" + version.version();
    if (run == null) {
      throw new Missing(name + " has no run in its lineage");
    }
    String input = checks.runInput(run).orElseThrow(() ->
        new Missing(name + " was registered by '" + run + "', which the registry has no request for"));
    String reference = RunJson.readRequest(input).dataset();
    RrnaDataset dataset;
    try {
      dataset = datasets.load(reference);
    } catch (IllegalArgumentException e) {
      throw new Missing(name + "'s training data: " + e.getMessage());
    }
    String digest = version.lineage().datasetDigest();
    if (digest != null && !digest.equals(dataset.digest())) {
      throw new Missing(name + " was trained on dataset " + digest + ", but '" + reference
          + "' now holds " + dataset.digest());
    }
    return dataset;
  }

  private static float[][] rows(String json) {
    Map<String, double[]> columns;
    try {
      columns = JSON.readValue(json, new TypeReference<LinkedHashMap<String, double[]>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable drift reference", e);
    }
    int n = columns.get(SequenceSummary.COLUMNS.getFirst()).length;
    float[][] rows = new float[n][SequenceSummary.COLUMNS.size()];
    for (int c = 0; c < SequenceSummary.COLUMNS.size(); c++) {
      double[] values = columns.get(SequenceSummary.COLUMNS.get(c));
      for (int i = 0; i < n; i++) {
        rows[i][c] = (float) values[i];
      }
    }
    return rows;
  }
}
