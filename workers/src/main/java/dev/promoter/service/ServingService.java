package dev.promoter.service;

import dev.promoter.inference.Prediction;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.ModelVersion;
import dev.promoter.registry.PredictionLog;
import dev.promoter.registry.PredictionRecord;
import dev.promoter.registry.Roles;
import dev.promoter.registry.TrafficSplit;
import dev.promoter.registry.TrafficSplits;
import dev.promoter.registry.VersionStatus;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.serving.OffPath;
import dev.promoter.serving.PredictionWriter;
import dev.promoter.serving.RequestIds;
import dev.promoter.serving.Routing;
import dev.promoter.serving.SequenceInput;
import dev.promoter.drift.SequenceSummary;
import dev.promoter.serving.ServedModels;
import dev.promoter.serving.ServedVersion;
import dev.promoter.serving.ServingSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Online predictions. A request names an alias (default {@code production}) or a version; an
 * alias is re-resolved from the registry at most every {@link ServingSettings#aliasRefresh()}, so
 * a promotion or rollback is followed within that time. When the alias's holder cannot load or
 * fails, the versions that held the alias before it (from the audit log, most recent first,
 * rejected ones skipped) answer instead, marked {@code route: fallback}; when none can, the
 * request is UNAVAILABLE and the problem names each version's cause. Bad input is refused before
 * any model sees it and counts against no version.
 */
public final class ServingService {
  /** The alias served when a request names neither alias nor version. */
  public static final String DEFAULT_ALIAS = "production";
  /** Route of the version the request asked for (the alias's holder, or the named version). */
  public static final String PRIMARY = Routing.PRIMARY;
  /** Route of an earlier holder answering for a holder that cannot. */
  public static final String FALLBACK = "fallback";

  private final ModelRegistry registry;
  private final ServedModels served;
  private final PredictionWriter writer;
  private final PredictionLog table;
  private final ServingSettings settings;
  private final MeterRegistry meters;
  private final Clock clock;
  private final Map<String, Resolution> aliases = new ConcurrentHashMap<>();
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
  private final TrafficSplits splits;
  private final OffPath offPath;
  private final RequestIds requestIds = new RequestIds();

  /** Serving over these parts, with no traffic splits. */
  public ServingService(ModelRegistry registry, ServedModels served, PredictionWriter writer,
      PredictionLog table, ServingSettings settings, MeterRegistry meters, Clock clock) {
    this(registry, served, writer, table, null, new OffPath(meters), settings, meters, clock);
  }

  /**
   * Serving that follows the registry's traffic splits ({@code splits}), re-read with each
   * alias, and scores shadows and preloads split versions on {@code offPath}.
   */
  public ServingService(ModelRegistry registry, ServedModels served, PredictionWriter writer,
      PredictionLog table, TrafficSplits splits, OffPath offPath, ServingSettings settings,
      MeterRegistry meters, Clock clock) {
    this.splits = splits;
    this.offPath = offPath;
    this.registry = registry;
    this.served = served;
    this.writer = writer;
    this.table = table;
    this.settings = settings;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Which version a request asks for.
   *
   * @param alias the alias to follow (when version is null)
   * @param version a pinned version, or null
   * @param key the request key that routes it under a traffic split (the same key, the same
   *     version); the caller's identity when the request names none
   */
  public record Target(String alias, Integer version, String key) {
    /** The default alias unless one or a version is named; no key. */
    public static Target of(String alias, Integer version) {
      return of(alias, version, null);
    }

    /** As {@link #of(String, Integer)}, routed by {@code key}. */
    public static Target of(String alias, Integer version, String key) {
      if (alias != null && version != null) {
        throw ServiceException.badInput("name an alias or a version, not both");
      }
      if (key != null && (key.isBlank() || key.length() > 200)) {
        throw ServiceException.badInput("the request key must be 1-200 characters");
      }
      return new Target(alias == null || alias.isBlank() ? DEFAULT_ALIAS : alias, version,
          key == null ? "" : key);
    }
  }

  /**
   * One answered sequence.
   *
   * @param id the FASTA record's id, or null for JSON input
   * @param label the most probable class
   * @param confidence its probability
   * @param probabilities every class's probability, in the model's label order
   * @param version the version that answered
   * @param route {@code primary}, {@code canary}, {@code ab} or {@code fallback}
   */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record Answer(String id, String label, double confidence, Map<String, Double> probabilities,
      int version, String route) {}

  /**
   * A request's answers.
   *
   * @param requestId names the request in the prediction log and in feedback
   * @param model the model
   * @param version the version that answered
   * @param route {@code primary} or {@code fallback}
   * @param answers one per sequence, in request order
   */
  public record Answers(String requestId, String model, int version, String route, List<Answer> answers) {}

  /**
   * The versions loaded here for a model.
   *
   * @param model the model
   * @param aliases the aliases resolved recently and the version each pointed to
   * @param versions each loaded version's state and health
   * @param splits the registry's traffic splits of the model, by alias
   */
  public record ServingView(String model, Map<String, Integer> aliases, List<ServedVersion.View> versions,
      List<TrafficSplit> splits) {}

  /** Sequences given as JSON strings; {@code single} names the one {@code sequence} in messages. */
  public Answers predict(String model, Target target, List<String> sequences, boolean single) {
    List<FastaRecord> records = refusedAsBadInput(() ->
        SequenceInput.ofStrings(sequences, single, settings.maxBatch(), settings.maxSequenceLength()));
    return answer(model, target, records, false);
  }

  /** A FASTA body, read as {@code promoter classify} reads a file. */
  public Answers predictFasta(String model, Target target, byte[] fasta) {
    List<FastaRecord> records = refusedAsBadInput(() ->
        SequenceInput.ofFasta(fasta, settings.maxBatch(), settings.maxSequenceLength()));
    return answer(model, target, records, true);
  }

  /** What this process serves of a model. */
  public ServingView serving(String model) {
    Map<String, Integer> held = new java.util.TreeMap<>();
    aliases.forEach((key, r) -> {
      if (key.startsWith(model + "@") && r.primary() != null) {
        held.put(key.substring(model.length() + 1), r.primary());
      }
    });
    List<TrafficSplit> split = splits == null ? List.of() : Failures.translated(() -> splits.of(model));
    return new ServingView(model, held, served.views(model), split);
  }

  /** The versions this process serves (its replica reporter preloads, unloads and reports them). */
  public ServedModels served() {
    return served;
  }

  /** Waits until shadow scoring and preloading queued so far are done (tests, shutdown). */
  public void awaitOffPath() {
    offPath.drain();
  }

  /**
   * Records the true label of a logged prediction. Submitters and approvers send feedback: they
   * own the data and the decisions it informs; a viewer only reads.
   *
   * @param item the sequence's position in a batch request, 0 for a single one
   */
  public void feedback(Actor actor, String model, String requestId, Integer item, String label) {
    if (!actor.roles().contains(Roles.SUBMITTER) && !actor.roles().contains(Roles.APPROVER)) {
      throw ServiceException.forbidden(actor.name() + " holds neither the 'submitter' nor the 'approver' "
          + "role and cannot send feedback");
    }
    if (requestId == null || requestId.isBlank()) {
      throw ServiceException.badInput("\"requestId\" is required: the id a prediction answered with");
    }
    if (label == null || label.isBlank() || label.length() > 200) {
      throw ServiceException.badInput("\"label\" is required: the sequence's true class (at most 200 characters)");
    }
    int position = item == null ? 0 : item;
    if (position < 0) {
      throw ServiceException.badInput("\"item\" cannot be negative");
    }
    writer.flush(); // the prediction may still be queued
    Failures.translated(() -> {
      table.feedback(model, requestId, position, label.strip(), actor.name());
      return null;
    });
  }

  private Answers answer(String model, Target target, List<FastaRecord> records, boolean withIds) {
    List<String> sequences = records.stream().map(FastaRecord::sequence).toList();
    Attempts attempts = Failures.translated(() -> attempts(model, target));
    String requestId = requestIds.next();
    List<String> causes = new ArrayList<>();
    for (int i = 0; i < attempts.order().size(); i++) {
      int version = attempts.order().get(i);
      String route = i == 0 ? attempts.route() : FALLBACK;
      ServedVersion v;
      try {
        v = Failures.translated(() -> served.ready(model, version));
      } catch (ServedModels.CannotServe e) {
        causes.add(e.getMessage());
        if (!route.equals(FALLBACK)) {
          // a version that cannot load fails its share: the log says whose fault it was
          writer.offer(failedRows(requestId, model, version, route, records, 0,
              e.outage() ? PredictionRecord.UNAVAILABLE : PredictionRecord.MODEL_ERROR));
        }
        continue;
      }
      long start = System.nanoTime();
      List<Prediction> predictions;
      try {
        predictions = v.classifier().classify(sequences);
      } catch (RuntimeException e) {
        // the model itself threw on valid input: its error, counted against it; the next holder tries
        long failedAfter = System.nanoTime() - start;
        v.record(failedAfter, true, clock.instant());
        writer.offer(failedRows(requestId, model, version, route, records, failedAfter,
            PredictionRecord.MODEL_ERROR));
        causes.add(model + " v" + version + " failed: " + e);
        continue;
      }
      long elapsed = System.nanoTime() - start;
      v.record(elapsed, false, clock.instant());
      timer(model, version, route).record(elapsed, TimeUnit.NANOSECONDS);
      // the answer's rows are queued before the off-path scoring starts: the writer keeps queue
      // order, so a shadow row is never in the log before the answer it is compared with
      Answers answers = answered(requestId, model, version, route, records, predictions, elapsed, withIds);
      if (attempts.offPath() != null && attempts.offPath() != version) {
        int other = attempts.offPath();
        offPath.submit(() -> shadow(requestId, model, other, records));
      }
      return answers;
    }
    throw new ServiceException(ErrorKind.UNAVAILABLE, describe(model, target) + " cannot answer: "
        + String.join("; ", causes));
  }

  /** Scores a request on another version off the request path; logged as {@code shadow}, never returned. */
  private void shadow(String requestId, String model, int version, List<FastaRecord> records) {
    ServedVersion v;
    try {
      v = served.ready(model, version);
    } catch (ServedModels.CannotServe e) {
      writer.offer(failedRows(requestId, model, version, Routing.SHADOW, records, 0,
          e.outage() ? PredictionRecord.UNAVAILABLE : PredictionRecord.MODEL_ERROR));
      return;
    } catch (dev.promoter.registry.RegistryException e) {
      writer.offer(failedRows(requestId, model, version, Routing.SHADOW, records, 0,
          PredictionRecord.UNAVAILABLE));
      return;
    }
    long start = System.nanoTime();
    try {
      List<Prediction> predictions = v.classifier().classify(records.stream().map(FastaRecord::sequence).toList());
      long elapsed = System.nanoTime() - start;
      timer(model, version, Routing.SHADOW).record(elapsed, TimeUnit.NANOSECONDS);
      writer.offer(rows(requestId, model, version, Routing.SHADOW, records, predictions, elapsed));
    } catch (RuntimeException e) {
      writer.offer(failedRows(requestId, model, version, Routing.SHADOW, records,
          System.nanoTime() - start, PredictionRecord.MODEL_ERROR));
    }
  }

  private Answers answered(String requestId, String model, int version, String route,
      List<FastaRecord> records, List<Prediction> predictions, long elapsedNanos, boolean withIds) {
    List<Answer> answers = new ArrayList<>(predictions.size());
    for (int i = 0; i < predictions.size(); i++) {
      Prediction p = predictions.get(i);
      answers.add(new Answer(withIds ? records.get(i).id() : null, p.label(), p.confidence(),
          p.probabilities(), version, route));
    }
    writer.offer(rows(requestId, model, version, route, records, predictions, elapsedNanos));
    return new Answers(requestId, model, version, route, answers);
  }

  // the drift summary's counts are taken here, one table lookup per base; its columns and their
  // JSON are the writer thread's work
  private List<PredictionWriter.Row> rows(String requestId, String model, int version, String route,
      List<FastaRecord> records, List<Prediction> predictions, long elapsedNanos) {
    Instant now = clock.instant();
    double latencyMs = elapsedNanos / 1e6;
    if (predictions.size() == 1) {
      Prediction p = predictions.getFirst();
      return List.of(new PredictionWriter.Row(now, requestId, 0, model, version, route, latencyMs, p.label(),
          p.confidence(), SequenceSummary.Counts.of(records.getFirst().sequence()), PredictionRecord.OK));
    }
    List<PredictionWriter.Row> rows = new ArrayList<>(predictions.size());
    for (int i = 0; i < predictions.size(); i++) {
      Prediction p = predictions.get(i);
      rows.add(new PredictionWriter.Row(now, requestId, i, model, version, route, latencyMs, p.label(),
          p.confidence(), SequenceSummary.Counts.of(records.get(i).sequence()), PredictionRecord.OK));
    }
    return rows;
  }

  private List<PredictionWriter.Row> failedRows(String requestId, String model, int version, String route,
      List<FastaRecord> records, long elapsedNanos, String outcome) {
    Instant now = clock.instant();
    List<PredictionWriter.Row> rows = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      rows.add(new PredictionWriter.Row(now, requestId, i, model, version, route, elapsedNanos / 1e6, null, 0,
          SequenceSummary.Counts.of(records.get(i).sequence()), outcome));
    }
    return rows;
  }

  /** The versions to try, in order, the first one's route, and what scores the request off the path. */
  private record Attempts(List<Integer> order, String route, Integer offPath) {}

  /** The target, then (for an alias) its earlier holders; under a split, the split's plan first. */
  private Attempts attempts(String model, Target target) {
    if (target.version() != null) {
      registry.version(model, target.version()); // unknown: 404, before any load
      return new Attempts(List.of(target.version()), PRIMARY, null);
    }
    // a fresh resolution is read without compute(), which locks the map's bin: under load every
    // request queued there, and behind the registry query of each refresh
    String key = model + "@" + target.alias();
    Resolution r = aliases.get(key);
    if (r == null || !fresh(r)) {
      r = aliases.compute(key, (k, old) -> old != null && fresh(old) ? old : resolve(model, target.alias()));
    }
    if (r.primary() == null) {
      throw ServiceException.notFound("model '" + model + "' has no alias '" + target.alias() + "'");
    }
    if (r.split() == null || r.split().version() == r.primary()) {
      return r.unsplit(); // what Routing.plan answers for every key then, built once per resolution
    }
    return attempts(r.primary(), r.fallbacks(), Routing.plan(r.primary(), r.split(), target.key()));
  }

  private static Attempts attempts(int primary, List<Integer> fallbacks, Routing.Plan plan) {
    LinkedHashSet<Integer> order = new LinkedHashSet<>();
    order.add(plan.answering());
    order.add(primary);
    order.addAll(fallbacks);
    return new Attempts(List.copyOf(order), plan.route(), plan.offPath());
  }

  private Resolution resolve(String model, String alias) {
    List<ModelVersion> versions = registry.versions(model);
    if (versions.isEmpty()) {
      throw ServiceException.notFound("unknown model '" + model + "'");
    }
    ModelVersion holder = versions.stream().filter(v -> v.aliases().contains(alias)).findFirst().orElse(null);
    if (holder == null) {
      return resolution(null, List.of(), null, clock.instant());
    }
    LinkedHashSet<Integer> earlier = new LinkedHashSet<>(registry.earlierHolders(model, alias));
    earlier.remove(holder.version());
    earlier.removeIf(v -> versions.stream().anyMatch(m -> m.version() == v && m.status() == VersionStatus.REJECTED));
    TrafficSplit split = splits == null ? null : splits.get(model, alias);
    if (split != null && split.version() != holder.version()) {
      // every replica loads and warms a split's version as soon as it sees the split, before
      // the version's first live request (mode warm: loaded, no traffic)
      int second = split.version();
      offPath.submit(() -> {
        try {
          served.ready(model, second);
        } catch (ServedModels.CannotServe e) {
          // its state says FAILED with the cause; its share falls back to the holder
        }
      });
    }
    return resolution(holder.version(), List.copyOf(earlier), split, clock.instant());
  }

  /** An alias's holder, its earlier holders, its split, when it was read, and {@code unsplit} attempts. */
  private record Resolution(Integer primary, List<Integer> fallbacks, TrafficSplit split, Instant at,
      Attempts unsplit) {}

  private static Resolution resolution(Integer primary, List<Integer> fallbacks, TrafficSplit split, Instant at) {
    Attempts unsplit = primary == null ? null
        : attempts(primary, fallbacks, new Routing.Plan(primary, PRIMARY, null));
    return new Resolution(primary, fallbacks, split, at, unsplit);
  }

  private boolean fresh(Resolution r) {
    return r.at().plus(settings.aliasRefresh()).isAfter(clock.instant());
  }

  private record TimerKey(String model, int version, String route) {}

  /** Each timer is built once, not per request (a builder, its tags, an id and a registry lookup each time). */
  private Timer timer(String model, int version, String route) {
    TimerKey key = new TimerKey(model, version, route);
    Timer timer = timers.get(key);
    return timer != null ? timer : timers.computeIfAbsent(key, k -> Timer.builder("promoter.serving.predictions")
        .description("model time of online prediction requests, by model, version and route")
        .tags("model", model, "version", Integer.toString(version), "route", route)
        .publishPercentiles(0.5, 0.95, 0.99)
        .register(meters));
  }

  private static String describe(String model, Target target) {
    return target.version() != null ? model + " v" + target.version() : model + "@" + target.alias();
  }

  private static <T> T refusedAsBadInput(java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (SequenceInput.Refused e) {
      throw ServiceException.badInput(e.getMessage());
    }
  }
}
