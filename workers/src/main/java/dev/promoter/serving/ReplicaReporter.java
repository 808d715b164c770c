package dev.promoter.serving;

import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.ServingReplicas;
import dev.promoter.registry.TrafficSplit;
import dev.promoter.registry.TrafficSplits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's side of blue-green. About once a second it loads every version a traffic split
 * names (a {@code warm} split takes no requests, so nothing else would load it), unloads versions
 * that hold no alias, are named by no split and have been idle for a while (the old champion once
 * its keep-warm window is over), and reports what it has loaded to the registry, where a rollout
 * waits until every live replica has its candidate warm. Loads run on their own thread, so a slow
 * load never delays the report that says it is LOADING.
 */
public final class ReplicaReporter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplicaReporter.class);

  private final String replica;
  private final ServedModels served;
  private final TrafficSplits splits;
  private final ModelRegistry registry;
  private final ServingReplicas replicas;
  private final ReplicaSettings settings;
  private final Clock clock;
  private final Instant started;
  private final Set<String> loading = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("serving-replica-report").factory());
  private final ExecutorService loads =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("serving-replica-preload").factory());

  /** A reporter for the replica named {@code replica}; {@link #start()} starts it. */
  public ReplicaReporter(String replica, ServedModels served, TrafficSplits splits, ModelRegistry registry,
      ServingReplicas replicas, ReplicaSettings settings, Clock clock) {
    this.replica = replica;
    this.served = served;
    this.splits = splits;
    this.registry = registry;
    this.replicas = replicas;
    this.settings = settings;
    this.clock = clock;
    this.started = clock.instant();
  }

  /** The name this replica reports under. */
  public String replica() {
    return replica;
  }

  /** Reports now, then every {@link ReplicaSettings#every()}. */
  public ReplicaReporter start() {
    ticks.scheduleWithFixedDelay(this::tickQuietly, 0, settings.every().toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      // the registry is unreachable: this replica goes unreported, so no rollout counts it as
      // live until it reports again; serving itself carries on
      log.warn("serving replica {} could not report: {}", replica, e.toString());
    }
  }

  /** One round: preload what splits name, unload what nothing needs, report. */
  void tick() {
    List<TrafficSplit> all = splits.all();
    for (TrafficSplit split : all) {
      preload(split.modelName(), split.version());
    }
    unloadUnneeded(all);
    replicas.report(replica, started, served.all().stream().map(v -> {
      ServedVersion.View view = v.view();
      return new ServingReplicas.Loaded(v.model(), v.version(), view.state().name(), view.cause(), view.loadedAt());
    }).toList());
  }

  private void preload(String model, int version) {
    String key = model + "@" + version;
    if (!loading.add(key)) {
      return;
    }
    loads.execute(() -> {
      try {
        served.ready(model, version);
      } catch (RuntimeException e) {
        // FAILED with its cause in the report (or, for an outage, tried again next round)
      } finally {
        loading.remove(key);
      }
    });
  }

  private void unloadUnneeded(List<TrafficSplit> all) {
    Instant now = clock.instant();
    Instant idleBefore = now.minus(settings.unloadIdle());
    Set<String> models = new HashSet<>();
    for (ServedVersion v : served.all()) {
      models.add(v.model());
    }
    for (String model : models) {
      Set<Integer> needed = new HashSet<>();
      registry.versions(model).stream().filter(v -> !v.aliases().isEmpty()).forEach(v -> needed.add(v.version()));
      all.stream().filter(s -> s.modelName().equals(model)).forEach(s -> needed.add(s.version()));
      // a version's idle time starts when nothing needs it any more, not at its last request:
      // the old champion is not unloaded between a switch and the split that keeps it warm
      needed.forEach(v -> served.needed(model, v, now));
      for (ServedVersion v : served.all()) {
        if (v.model().equals(model) && !needed.contains(v.version())
            && served.unloadIdle(model, v.version(), idleBefore)) {
          log.info("serving replica {} unloaded {} v{}: no alias, no split, idle since {}", replica, model,
              v.version(), idleBefore);
        }
      }
    }
  }

  /** Stops reporting and takes this replica off the registry, so no rollout waits for it. */
  @Override
  public void close() {
    ticks.shutdownNow();
    loads.shutdownNow();
    try {
      replicas.forget(replica);
    } catch (RuntimeException e) {
      log.warn("serving replica {} could not deregister: {}", replica, e.toString());
    }
  }

  /**
   * How a replica reports ({@code promoter.serving.*}).
   *
   * @param every how often it reports ({@code report-every}, default 1 s)
   * @param unloadIdle how long a version may sit unused after it stopped holding an alias or
   *     being named by a split before it is unloaded ({@code unload-idle}, default 1 min: longer
   *     than the moment between a blue-green switch and the split that keeps the old champion warm)
   */
  public record ReplicaSettings(Duration every, Duration unloadIdle) {
    /** From {@code promoter.serving.report-every} and {@code promoter.serving.unload-idle}. */
    public static ReplicaSettings from(org.springframework.core.env.Environment env) {
      return new ReplicaSettings(env.getProperty("promoter.serving.report-every", Duration.class, Duration.ofSeconds(1)),
          env.getProperty("promoter.serving.unload-idle", Duration.class, Duration.ofMinutes(1)));
    }
  }
}
