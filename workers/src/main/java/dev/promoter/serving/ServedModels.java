package dev.promoter.serving;

import dev.promoter.deploy.RegisteredModels;
import dev.promoter.inference.Classifier;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versions this process serves. A version is loaded on first use through
 * {@link RegisteredModels} (artifact read from the store, digest verified, loaded once per digest
 * and shared), then warmed with a few requests before it answers live traffic. A version that
 * cannot load is FAILED with its cause and is not tried again before
 * {@link ServingSettings#retryFailedAfter()}, so a corrupt artifact is not re-read per request.
 */
public final class ServedModels {
  /** Sequences a freshly loaded model classifies before its first live request. */
  private static final List<String> WARMUP = warmup();
  private static final int WARMUP_ROUNDS = 3;

  private final ModelRegistry registry;
  private final RegisteredModels models;
  private final ServingSettings settings;
  private final Clock clock;
  private final Map<String, ServedVersion> versions = new ConcurrentHashMap<>();

  /** Versions of this registry's models, loaded by {@code models}. */
  public ServedModels(ModelRegistry registry, RegisteredModels models, ServingSettings settings, Clock clock) {
    this.registry = registry;
    this.models = models;
    this.settings = settings;
    this.clock = clock;
  }

  /** A version that cannot answer now; the message says why. */
  public static final class CannotServe extends RuntimeException {
    private final boolean outage;

    CannotServe(String message, Throwable cause) {
      this(message, cause, false);
    }

    CannotServe(String message, Throwable cause, boolean outage) {
      super(message, cause);
      this.outage = outage;
    }

    /**
     * True when infrastructure failed (the artifact store unreachable), not the version: its
     * prediction-log rows say {@code unavailable} and no gate counts them as the model's errors.
     */
    public boolean outage() {
      return outage;
    }
  }

  /**
   * A loaded, warmed version, loading it first if needed (callers for the same version wait for
   * one load).
   *
   * @throws CannotServe if its artifact is missing, corrupt, unreadable or has no loader here
   * @throws RegistryException if the registry cannot say what the version is (unknown, outage):
   *     not the version's fault, so it is not marked FAILED
   */
  public ServedVersion ready(String model, int version) {
    ServedVersion served = versions.computeIfAbsent(model + "@" + version,
        k -> new ServedVersion(model, version, settings, clock.instant()));
    if (served.classifier() != null) {
      return served;
    }
    synchronized (served.loadLock) {
      if (served.classifier() != null) {
        return served;
      }
      Instant now = clock.instant();
      if (served.state() == ServingState.FAILED
          && now.isBefore(served.since().plus(settings.retryFailedAfter()))) {
        throw new CannotServe(served.cause(), null);
      }
      served.loading(now);
      String digest;
      try {
        digest = registry.version(model, version).artifactSha256();
      } catch (RegistryException e) {
        versions.remove(model + "@" + version, served);
        throw e;
      }
      try {
        Classifier classifier = models.classifier(model, version);
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
          classifier.classify(WARMUP);
        }
        served.warm(classifier, digest, clock.instant());
        return served;
      } catch (RegistryException e) {
        versions.remove(model + "@" + version, served);
        throw e;
      } catch (java.io.UncheckedIOException e) {
        // the artifact store is unreachable: an outage, not a verdict on this version. It is not
        // marked FAILED (the next request loads it again); an earlier holder already loaded may answer
        versions.remove(model + "@" + version, served);
        throw new CannotServe(model + " v" + version + " cannot load now: " + e.getMessage(), e, true);
      } catch (RuntimeException e) {
        // missing or corrupt artifact (ArtifactIntegrityException, ModelFormatException), no
        // loader for its framework, or a model that fails its warm-up: the version is bad
        String why = model + " v" + version + " cannot serve: " + e.getMessage();
        served.failed(why, clock.instant());
        throw new CannotServe(why, e);
      }
    }
  }

  /** Every version this process has, of every model (loaded, loading or failed). */
  public List<ServedVersion> all() {
    return List.copyOf(versions.values());
  }

  /**
   * Marks a version as needed now (it holds an alias or a split names it): its idle time, after
   * which it may be unloaded, starts only once nothing needs it any more.
   */
  public void needed(String model, int version, Instant now) {
    ServedVersion served = versions.get(model + "@" + version);
    if (served != null) {
      served.needed(now);
    }
  }

  /**
   * Unloads a version that has been idle since {@code before}: it leaves this process, and its
   * model is released unless another version served here shares its artifact. A request that
   * still holds it finishes on it; the next one loads it again.
   *
   * @return true when it was unloaded
   */
  public boolean unloadIdle(String model, int version, Instant before) {
    ServedVersion served = versions.get(model + "@" + version);
    if (served == null) {
      return false;
    }
    synchronized (served.loadLock) {
      if (!served.idleSince(before) || !versions.remove(model + "@" + version, served)) {
        return false;
      }
    }
    String digest = served.digest();
    if (versions.values().stream().noneMatch(v -> digest.equals(v.digest()))) {
      models.release(digest);
    }
    return true;
  }

  /** A model's versions as loaded here, by version. */
  public List<ServedVersion.View> views(String model) {
    return versions.values().stream().filter(v -> v.model().equals(model))
        .sorted(Comparator.comparingInt(ServedVersion::version)).map(ServedVersion::view).toList();
  }

  private static List<String> warmup() {
    Random random = new Random(42);
    return java.util.stream.IntStream.of(150, 900, 1500).mapToObj(n -> {
      StringBuilder s = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        s.append("ACGT".charAt(random.nextInt(4)));
      }
      return s.toString();
    }).toList();
  }
}
