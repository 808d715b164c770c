package dev.promoter.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.registry.DriftCheckRow;
import dev.promoter.registry.DriftChecks;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.ModelVersion;
import dev.promoter.registry.RegistryException;
import dev.promoter.registry.RetrainSchedules;
import dev.promoter.workflows.drift.DriftActivities;
import dev.promoter.workflows.drift.DriftCheckOutcome;
import dev.promoter.workflows.drift.DriftCheckRequest;
import dev.promoter.workflows.drift.DriftSettings;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A drift check: the production version's recent predictions against its training records,
 * column by column on {@link SequenceSummary}'s columns, through {@link DriftDetector}.
 */
public final class DriftCheckActivitiesImpl implements DriftActivities {
  /** A check reads at most this many predictions of its window, the newest. */
  public static final int MAX_PREDICTIONS = 10_000;
  /** How many of the most drifted features a check keeps with their figures. */
  public static final int TOP_FEATURES = 3;
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ModelRegistry registry;
  private final DriftChecks checks;
  private final TrainingReference references;
  private final RetrainTemplates templates;

  /** Checks on this registry, with dataset references resolved by {@code datasets}. */
  public DriftCheckActivitiesImpl(DataSource dataSource, DatasetResolver datasets) {
    this.registry = new ModelRegistry(dataSource);
    this.checks = new DriftChecks(dataSource);
    this.references = new TrainingReference(checks, datasets);
    this.templates = new RetrainTemplates(new RetrainSchedules(dataSource), checks);
  }

  @Override
  public DriftCheckOutcome check(DriftCheckRequest request) {
    String model = request.modelName();
    Instant at = Instant.ofEpochMilli(request.checkedAtMillis());
    DriftSettings settings = request.settings();
    ModelVersion production;
    try {
      production = registry.holder(model, "production");
    } catch (RegistryException e) {
      if (e.reason() != RegistryException.Reason.NOT_FOUND) {
        throw e;
      }
      return skipped(request, null, 0, 0, "no production version: " + e.getMessage());
    }
    int version = production.version();
    List<Map<String, Double>> recent = checks.predictionFeatures(model, version,
        at.minus(settings.window()), at, MAX_PREDICTIONS);
    if (recent.size() < settings.minimumPredictions()) {
      return skipped(request, version, 0, recent.size(), "too few predictions: " + recent.size()
          + " by v" + version + " in the last " + settings.window() + ", at least "
          + settings.minimumPredictions() + " needed");
    }
    float[][] reference;
    try {
      reference = references.of(production);
    } catch (TrainingReference.Missing e) {
      return skipped(request, version, 0, recent.size(), "no training reference: " + e.getMessage());
    }
    DriftReport report = DriftDetector.compare(reference, rows(recent), SequenceSummary.COLUMNS,
        settings.minimumShift());
    String verdict = report.verdict().name();
    boolean triggers = DriftSettings.TRIGGERS.indexOf(verdict) >= DriftSettings.TRIGGERS.indexOf(settings.trigger())
        && DriftSettings.TRIGGERS.contains(verdict);
    String note;
    String runId = null;
    LifecycleRequest retrain = null;
    Instant window = Instant.ofEpochMilli(request.retrainWindowStartMillis());
    if (!triggers) {
      note = verdict + " is below the trigger " + settings.trigger();
    } else {
      Optional<RetrainTemplates.Template> template = templates.find(model);
      if (template.isEmpty()) {
        note = "no template: " + model + " has no retraining schedule and no earlier run, so nothing was started";
      } else {
        LifecycleRequest t = template.get().request();
        retrain = new LifecycleRequest(t.modelName(), t.dataset(), t.candidates(), t.decidingMetric(),
            t.minimumMetric(), t.championMargin(), t.approval(), request.submittedBy(), t.taskQueues());
        runId = model + "-drift-" + RUN_TIME.format(window);
        note = "retrain from the " + template.get().source() + "'s request";
      }
    }
    DriftCheckRow row = checks.record(new DriftCheckRow(0, request.checkKey(), at, model, version,
        reference.length, recent.size(), verdict, report.driftedFeatures(), top(report), note,
        runId == null ? null : window, runId));
    return outcome(row, row.retrainRunId() == null ? null : retrain);
  }

  private DriftCheckOutcome skipped(DriftCheckRequest request, Integer version, int referenceSize, int current,
      String note) {
    DriftCheckRow row = checks.record(new DriftCheckRow(0, request.checkKey(),
        Instant.ofEpochMilli(request.checkedAtMillis()), request.modelName(), version, referenceSize, current,
        "SKIPPED", 0, "[]", note, null, null));
    return outcome(row, null);
  }

  private static DriftCheckOutcome outcome(DriftCheckRow row, LifecycleRequest retrain) {
    return new DriftCheckOutcome(row.id(), row.version(), row.verdict(), row.note(), row.retrainRunId(), retrain);
  }

  private static float[][] rows(List<Map<String, Double>> summaries) {
    float[][] rows = new float[summaries.size()][SequenceSummary.COLUMNS.size()];
    for (int i = 0; i < rows.length; i++) {
      for (int c = 0; c < SequenceSummary.COLUMNS.size(); c++) {
        Double value = summaries.get(i).get(SequenceSummary.COLUMNS.get(c));
        if (value == null) {
          throw new IllegalStateException("a logged prediction has no '" + SequenceSummary.COLUMNS.get(c) + "'");
        }
        rows[i][c] = value.floatValue();
      }
    }
    return rows;
  }

  private static String top(DriftReport report) {
    try {
      // drifted features first (a KS-only drift has a small PSI), then by PSI
      return JSON.writeValueAsString(report.features().stream()
          .sorted(java.util.Comparator.comparing((FeatureDrift d) -> !d.drifted())
              .thenComparing(FeatureDrift::psi, java.util.Comparator.reverseOrder()))
          .limit(TOP_FEATURES).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
