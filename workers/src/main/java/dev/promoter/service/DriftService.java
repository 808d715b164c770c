package dev.promoter.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.client.PromoterClient;
import dev.promoter.drift.FeatureDrift;
import dev.promoter.registry.DriftCheckRow;
import dev.promoter.registry.DriftChecks;
import dev.promoter.registry.DriftMonitors;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.Names;
import dev.promoter.registry.Roles;
import dev.promoter.workflows.drift.DriftSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Drift monitors: start or replace (submitter), stop (admin), show with recent checks (viewer).
 * Every front door (REST, CLI, UI) calls this, so the checks and roles are the same everywhere.
 */
public final class DriftService {
  /** The most checks one answer lists. */
  public static final int MAX_CHECKS = 500;
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  // the engine is reached only by what needs it: showing checks must not start or dial Temporal
  private final Supplier<PromoterClient> client;
  private final ModelRegistry registry;
  private final DriftMonitors monitors;
  private final DriftChecks checks;

  /** A service over the engine's client and the registry's monitors and checks. */
  public DriftService(Supplier<PromoterClient> client, ModelRegistry registry, DriftMonitors monitors,
      DriftChecks checks) {
    this.client = client;
    this.registry = registry;
    this.monitors = monitors;
    this.checks = checks;
  }

  /**
   * Settings as typed (REST body, CLI options, form); null fields take their defaults.
   *
   * @param interval time between checks ({@code 15m}, {@code 1h}, ISO-8601)
   * @param window how far back a check reads predictions
   * @param minimumPredictions fewer in the window and the check is skipped
   * @param trigger {@code SIGNIFICANT} or {@code MODERATE}
   * @param coolDown at most one retrain per model per window of this length
   * @param minimumShift the smallest KS D that counts as drift, 0-1
   */
  public record SettingsSpec(String interval, String window, Integer minimumPredictions, String trigger,
      String coolDown, Double minimumShift) {}

  /**
   * A monitor as shown.
   *
   * @param model the model it watches
   * @param settings its settings, defaults filled in
   * @param createdBy who started it (retraining runs are submitted as this user)
   * @param createdAt when
   */
  public record MonitorView(String model, DriftSettings settings, String createdBy, Instant createdAt) {}

  /**
   * A check as shown.
   *
   * @param id its number
   * @param checkedAt when
   * @param version the production version checked
   * @param referenceSize training records compared with
   * @param currentSize predictions compared
   * @param verdict NONE, MODERATE, SIGNIFICANT or SKIPPED
   * @param driftedFeatures how many summary columns drifted
   * @param topFeatures the most drifted columns with KS D, p-value and PSI
   * @param note why it retrained or not
   * @param retrainRunId the run it started, or null
   */
  public record CheckView(long id, Instant checkedAt, Integer version, int referenceSize, int currentSize,
      String verdict, int driftedFeatures, List<FeatureDrift> topFeatures, String note, String retrainRunId) {}

  /**
   * A model's drift: its monitor (null when it has none) and its recent checks, newest first.
   *
   * @param model the model
   * @param monitor its monitor, or null
   * @param checks recent checks, newest first
   */
  public record DriftView(String model, MonitorView monitor, List<CheckView> checks) {}

  /**
   * Starts a model's monitor or replaces its settings; checks everything before anything is
   * written or started.
   *
   * @return the monitor; {@code created} tells whether it is new
   */
  public Started put(Actor actor, String model, SettingsSpec spec) {
    actor.require(Roles.SUBMITTER, "start a drift monitor");
    Failures.translated(() -> Names.model(model));
    DriftSettings settings = settings(spec);
    // the model must exist; a model without production yet is fine (its checks are skipped)
    Failures.translated(() -> registry.versions(model));
    String json;
    try {
      json = JSON.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Failures.translated(() -> {
      client.get().driftMonitors().start(model, settings, actor.name());
      return null;
    });
    boolean created = Failures.translated(() -> monitors.put(model, json, actor.name()));
    return new Started(view(Failures.translated(() -> monitors.get(model)).orElseThrow()), created);
  }

  /**
   * The answer to {@link #put}.
   *
   * @param monitor the monitor as it now is
   * @param created whether the model had none before
   */
  public record Started(MonitorView monitor, boolean created) {}

  /** Stops a model's monitor (admin); retraining runs it started go on. */
  public void stop(Actor actor, String model) {
    actor.require(Roles.ADMIN, "stop a drift monitor");
    Failures.translated(() -> Names.model(model));
    if (Failures.translated(() -> monitors.get(model)).isEmpty()) {
      throw ServiceException.notFound("model '" + model + "' has no drift monitor");
    }
    Failures.translated(() -> {
      client.get().driftMonitors().stop(model, actor.name());
      monitors.remove(model);
      return null;
    });
  }

  /** A model's monitor and its {@code limit} most recent checks. */
  public DriftView show(String model, int limit) {
    Failures.translated(() -> Names.model(model));
    if (limit < 1 || limit > MAX_CHECKS) {
      throw ServiceException.badInput("limit " + limit + " is outside 1-" + MAX_CHECKS);
    }
    Failures.translated(() -> registry.versions(model));
    MonitorView monitor = Failures.translated(() -> monitors.get(model)).map(DriftService::view).orElse(null);
    List<CheckView> recent = new ArrayList<>();
    for (DriftCheckRow r : Failures.translated(() -> checks.recent(model, limit))) {
      recent.add(new CheckView(r.id(), r.checkedAt(), r.version(), r.referenceSize(), r.currentSize(), r.verdict(),
          r.driftedFeatures(), features(r.topFeaturesJson()), r.note(), r.retrainRunId()));
    }
    return new DriftView(model, monitor, recent);
  }

  /**
   * After a restart of the embedded Temporal (state in memory), starts again the monitor of every
   * model the registry holds one for whose workflow is gone. Returns the models.
   */
  public List<String> reconcile(Predicate<String> workflowIsOpen) {
    List<String> restarted = new ArrayList<>();
    for (DriftMonitors.Monitor m : monitors.list()) {
      if (workflowIsOpen.test(dev.promoter.workflows.drift.DriftMonitorRequest.workflowId(m.modelName()))) {
        continue;
      }
      client.get().driftMonitors().start(m.modelName(), view(m).settings(), m.createdBy());
      restarted.add(m.modelName());
    }
    return restarted;
  }

  /** Parses and checks typed settings: bad input names the setting. */
  public static DriftSettings settings(SettingsSpec spec) {
    SettingsSpec s = spec == null ? new SettingsSpec(null, null, null, null, null, null) : spec;
    DriftSettings parsed = new DriftSettings(
        s.interval() == null ? null : Durations.parse(s.interval(), "interval"),
        s.window() == null ? null : Durations.parse(s.window(), "window"),
        s.minimumPredictions() == null ? 0 : s.minimumPredictions(), s.trigger(),
        s.coolDown() == null ? null : Durations.parse(s.coolDown(), "cool-down"), s.minimumShift());
    if (s.minimumPredictions() != null && s.minimumPredictions() == 0) {
      throw ServiceException.badInput("minimum predictions 0 is outside " + DriftSettings.LEAST_PREDICTIONS + "-100000");
    }
    try {
      return parsed.withDefaults().check();
    } catch (IllegalArgumentException e) {
      throw ServiceException.badInput(e.getMessage());
    }
  }

  private static MonitorView view(DriftMonitors.Monitor m) {
    try {
      return new MonitorView(m.modelName(), JSON.readValue(m.settingsJson(), DriftSettings.class), m.createdBy(),
          m.createdAt());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("drift monitor of '" + m.modelName() + "' has unreadable settings", e);
    }
  }

  private static List<FeatureDrift> features(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<FeatureDrift>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a drift check has unreadable features", e);
    }
  }
}
