package dev.promoter.service;

import dev.promoter.registry.Roles;
import dev.promoter.gpu.training.CnnConfig;
import dev.promoter.registry.Names;
import dev.promoter.training.TrainerParameters;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.retrain.CronSchedule;
import dev.promoter.workflows.rollout.Rollout;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link LifecycleRequest} from what a user asked for, checking all of it first: a
 * refused request starts nothing and writes nothing, and its message names the field.
 */
public final class LifecycleRequests {
  private static final Pattern CANDIDATE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern METRIC = Pattern.compile(
      "(fragments\\.)?(accuracy|macro_f1|(precision|recall|f1)\\.(5S|5\\.8S|16S|18S|23S|28S|mt-SSU|non-rRNA))");
  private static final Map<String, String> POOL_OF_TRAINER =
      Map.of("logreg", "cpu", "xgboost", "cpu", "forest", "cpu", "cnn", "gpu");
  private static final int MAX_CANDIDATES = 16;
  private static final Duration MAX_APPROVAL = Duration.ofDays(90);
  private final Path dataRoot;
  private final Map<String, String> taskQueues;

  /**
   * @param dataRoot the folder dataset references must stay inside
   * @param taskQueues the pools this deployment has, to their task queues
   */
  public LifecycleRequests(Path dataRoot, Map<String, String> taskQueues) {
    this.dataRoot = dataRoot.toAbsolutePath().normalize();
    this.taskQueues = Map.copyOf(taskQueues);
  }

  /** The checked request, submitted by {@code submitter}. */
  public LifecycleRequest build(LifecycleSpec spec, String submitter) {
    if (spec == null) {
      throw ServiceException.badInput("a lifecycle request is required");
    }
    String model = model(spec.model());
    String dataset = dataset(spec.dataset());
    List<CandidateConfig> candidates = candidates(spec.candidates());
    String metric = spec.metric() == null ? "macro_f1" : spec.metric();
    if (!METRIC.matcher(metric).matches()) {
      throw ServiceException.badInput("unknown metric '" + metric + "': use accuracy, macro_f1, "
          + "f1.LABEL, precision.LABEL or recall.LABEL, optionally prefixed with 'fragments.'");
    }
    double minimum = spec.minimum() == null ? 0.9 : spec.minimum();
    if (!(minimum >= 0 && minimum <= 1)) {
      throw ServiceException.badInput("minimum must be between 0 and 1, not " + minimum);
    }
    double margin = spec.margin() == null ? 0.0 : spec.margin();
    if (!(margin >= 0 && margin < 1)) {
      throw ServiceException.badInput("margin must be at least 0 and below 1, not " + margin);
    }
    Duration timeout = spec.approval() == null || spec.approval().timeout() == null
        ? ApprovalPolicy.DEFAULT.timeout() : spec.approval().timeout();
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_APPROVAL) > 0) {
      throw ServiceException.badInput("approval timeout must be positive and at most "
          + MAX_APPROVAL.toDays() + " days, not " + timeout);
    }
    String decides = spec.approval() == null || spec.approval().decides() == null
        || spec.approval().decides().isBlank() ? null : spec.approval().decides().strip();
    String engine = spec.engine() == null || spec.engine().isBlank() ? "temporal" : spec.engine();
    Rollout rollout = Deployments.rollout(spec.deployment(), engine, decides);
    return new LifecycleRequest(model, dataset, candidates, metric, minimum, margin,
        new ApprovalPolicy(Roles.APPROVER, timeout, decides), submitter, taskQueues, rollout);
  }

  /** Refuses a cron expression that does not parse or never fires. */
  public static CronSchedule cron(String expression, Instant now) {
    if (expression == null || expression.isBlank()) {
      throw ServiceException.badInput("a cron expression is required, e.g. \"0 2 * * SUN\"");
    }
    CronSchedule cron;
    try {
      cron = CronSchedule.parse(expression);
    } catch (IllegalArgumentException e) {
      throw ServiceException.badInput("bad cron expression \"" + expression + "\": " + e.getMessage());
    }
    Instant next = nextOrNull(cron, now);
    if (next == null || next.isAfter(now.plus(5 * 366, ChronoUnit.DAYS))) {
      throw ServiceException.badInput("cron expression \"" + expression + "\" never fires");
    }
    return cron;
  }

  private static Instant nextOrNull(CronSchedule cron, Instant now) {
    try {
      return cron.next(now);
    } catch (IllegalArgumentException e) { // "never fires": pure code, no outage can land here
      return null;
    }
  }

  // the same parsing the pools do when they train, so a bad parameter fails here, not an hour in
  private static void checkParams(CandidateConfig candidate) {
    try {
      TrainerParameters.validate(candidate.trainer(), candidate.params());
      if (candidate.trainer().equals(TrainerParameters.CNN)) {
        CnnConfig.fromParams(candidate.params()); // the ranges too (channels, lr-decay, ...)
      } else {
        TrainerParameters.kmer(candidate.trainer(), candidate.params());
      }
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw ServiceException.badInput(message.startsWith("candidate '") ? message
          : "candidate '" + candidate.name() + "': " + message);
    }
  }

  static String model(String model) {
    return Failures.translated(() -> Names.model(model));
  }

  private String dataset(String reference) {
    if (reference == null || reference.isBlank()) {
      throw ServiceException.badInput("a dataset is required (a folder under the data root " + dataRoot + ")");
    }
    Path dir;
    try {
      dir = dataRoot.resolve(reference).normalize();
    } catch (InvalidPathException e) {
      throw ServiceException.badInput("dataset '" + reference + "' is not a valid path");
    }
    if (!dir.startsWith(dataRoot)) {
      throw ServiceException.badInput("dataset '" + reference + "' is outside the data root "
          + dataRoot + " (PROMOTER_DATA_ROOT)");
    }
    if (!Files.isDirectory(dir)) {
      throw ServiceException.badInput("dataset '" + reference + "' not found (looked in " + dir + ")");
    }
    for (String part : List.of("train", "test")) {
      if (!Files.isRegularFile(dir.resolve(part + ".fasta")) && !Files.isRegularFile(dir.resolve(part + ".fasta.gz"))) {
        throw ServiceException.badInput("dataset '" + reference + "' has no " + part + ".fasta[.gz]");
      }
    }
    return reference;
  }

  private List<CandidateConfig> candidates(List<LifecycleSpec.Candidate> specs) {
    if (specs == null || specs.isEmpty()) {
      throw ServiceException.badInput("at least one candidate is required");
    }
    if (specs.size() > MAX_CANDIDATES) {
      throw ServiceException.badInput("at most " + MAX_CANDIDATES + " candidates, not " + specs.size());
    }
    Set<String> names = new HashSet<>();
    List<CandidateConfig> configs = new ArrayList<>();
    for (LifecycleSpec.Candidate c : specs) {
      if (c == null || c.trainer() == null || !POOL_OF_TRAINER.containsKey(c.trainer())) {
        throw ServiceException.badInput("unknown trainer '" + (c == null ? null : c.trainer())
            + "': use one of " + POOL_OF_TRAINER.keySet().stream().sorted().toList());
      }
      String name = c.name() == null || c.name().isBlank() ? c.trainer() : c.name();
      if (!CANDIDATE.matcher(name).matches()) {
        throw ServiceException.badInput("invalid candidate name '" + name + "'");
      }
      if (!names.add(name)) {
        throw ServiceException.badInput("candidate '" + name + "' is named twice; give each a name");
      }
      String pool = c.pool() == null || c.pool().isBlank() ? POOL_OF_TRAINER.get(c.trainer()) : c.pool();
      if (!taskQueues.containsKey(pool)) {
        throw ServiceException.badInput("unknown pool '" + pool + "' for candidate '" + name
            + "': this deployment has " + taskQueues.keySet().stream().sorted().toList());
      }
      if (!pool.equals(POOL_OF_TRAINER.get(c.trainer()))) {
        throw ServiceException.badInput("candidate '" + name + "': trainer " + c.trainer()
            + " runs on the " + POOL_OF_TRAINER.get(c.trainer()) + " pool, not " + pool);
      }
      Map<String, String> params = c.params() == null ? Map.of() : c.params();
      CandidateConfig config = new CandidateConfig(name, c.trainer(), pool, params);
      checkParams(config);
      configs.add(config);
    }
    return configs;
  }
}
