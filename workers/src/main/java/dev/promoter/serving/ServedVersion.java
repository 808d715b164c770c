package dev.promoter.serving;

import dev.promoter.inference.Classifier;
import java.time.Instant;
import java.util.Arrays;

/**
 * One registered version as this process serves it: its state, its classifier once loaded, and
 * a window of its recent requests from which DEGRADED is judged. Thread-safe.
 */
public final class ServedVersion {
  private final String model;
  private final int version;
  private final ServingSettings settings;
  private final long[] nanos;
  private final boolean[] errors;
  private int next;
  private int filled;
  /** Errors in the window, and requests in it slower than maxP95: kept as entries come and go. */
  private int errorsInWindow;
  private int slowInWindow;
  private long requests;
  private long failures;
  private ServingState state = ServingState.LOADING;
  private Instant since;
  private String digest;
  private String cause;
  private Instant loadedAt;
  private Instant lastUsed;
  /** Volatile, read without the lock: every request reads it, and it changes only on (re)load. */
  private volatile Classifier classifier;
  /** Held while loading, so that one thread loads and the others wait for it. */
  final Object loadLock = new Object();

  ServedVersion(String model, int version, ServingSettings settings, Instant now) {
    this.model = model;
    this.version = version;
    this.settings = settings;
    this.nanos = new long[settings.window()];
    this.errors = new boolean[settings.window()];
    this.since = now;
  }

  /**
   * What {@code GET /models/{name}/serving} shows of a version.
   *
   * @param version the version
   * @param state its state
   * @param since when it entered that state
   * @param digest its artifact's digest, once known
   * @param cause why it FAILED or is DEGRADED, or null
   * @param requests live requests answered or failed since it loaded
   * @param errors live requests it failed
   * @param errorRate the error rate over its recent window
   * @param p95Ms the p95 latency over its recent window, milliseconds
   * @param loadedAt when its model was loaded here, or null while it is not: the same instant
   *     across reads means the same loaded model answered throughout
   */
  public record View(int version, ServingState state, Instant since, String digest, String cause,
      long requests, long errors, double errorRate, double p95Ms, Instant loadedAt) {}

  /** The model. */
  public String model() {
    return model;
  }

  /** The version. */
  public int version() {
    return version;
  }

  synchronized ServingState state() {
    return state;
  }

  synchronized Instant since() {
    return since;
  }

  synchronized String cause() {
    return cause;
  }

  /** The loaded classifier, or null while it is not loaded. */
  public Classifier classifier() {
    return classifier;
  }

  synchronized void loading(Instant now) {
    move(ServingState.LOADING, now, null);
  }

  synchronized void warm(Classifier loaded, String sha256, Instant now) {
    classifier = loaded;
    digest = sha256;
    loadedAt = now;
    lastUsed = now;
    move(ServingState.WARM, now, null);
  }

  synchronized void failed(String why, Instant now) {
    classifier = null;
    move(ServingState.FAILED, now, why);
  }

  /**
   * Counts one live request; ACTIVE and DEGRADED follow the recent window. The window's error and
   * slow counts are kept as requests enter and leave it, so a request costs no pass over the
   * window: the p95 is over the limit exactly when more requests than the p95's rank allows are
   * (the window is sorted only for a message or a view, never per request).
   */
  public synchronized void record(long elapsedNanos, boolean error, Instant now) {
    long limit = settings.maxP95().toNanos();
    if (filled == nanos.length) { // the oldest entry leaves the window
      errorsInWindow -= errors[next] ? 1 : 0;
      slowInWindow -= nanos[next] > limit ? 1 : 0;
    }
    nanos[next] = elapsedNanos;
    errors[next] = error;
    errorsInWindow += error ? 1 : 0;
    slowInWindow += elapsedNanos > limit ? 1 : 0;
    next = (next + 1) % nanos.length;
    filled = Math.min(filled + 1, nanos.length);
    requests++;
    lastUsed = now;
    if (error) {
      failures++;
    }
    if (state == ServingState.FAILED || state == ServingState.LOADING) {
      return;
    }
    String over = null;
    if (filled >= settings.minRequests() && errorRate() > settings.maxErrorRate()) {
      over = String.format(java.util.Locale.ROOT, "error rate %.1f%% over the last %d requests (limit %.1f%%)",
          100 * errorRate(), filled, 100 * settings.maxErrorRate());
    } else if (filled >= settings.minRequests() && slowInWindow >= filled - p95Rank()) {
      over = String.format(java.util.Locale.ROOT, "p95 latency %.0f ms over the last %d requests (limit %d ms)",
          p95Nanos() / 1e6, filled, settings.maxP95().toMillis());
    }
    if (over != null) {
      move(ServingState.DEGRADED, now, over);
    } else {
      move(ServingState.ACTIVE, now, null);
    }
  }

  synchronized View view() {
    return new View(version, state, since, digest, cause, requests, failures, errorRate(), p95Nanos() / 1e6,
        loadedAt);
  }

  /** Its artifact's digest, once loaded. */
  synchronized String digest() {
    return digest;
  }

  /** Counts as used now: something (an alias, a split) still needs it loaded. */
  synchronized void needed(Instant now) {
    if (classifier != null) {
      lastUsed = now;
    }
  }

  /** True when it is loaded and has answered nothing since {@code before} (nor loaded since). */
  synchronized boolean idleSince(Instant before) {
    return classifier != null && lastUsed.isBefore(before);
  }

  private void move(ServingState to, Instant now, String why) {
    if (state != to) {
      state = to;
      since = now;
    }
    cause = why;
  }

  private double errorRate() {
    return filled == 0 ? 0 : (double) errorsInWindow / filled;
  }

  /** The p95's index in the sorted window. */
  private int p95Rank() {
    return Math.min(filled - 1, (int) Math.ceil(0.95 * filled) - 1);
  }

  private double p95Nanos() {
    if (filled == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, filled);
    Arrays.sort(sorted);
    return sorted[p95Rank()];
  }
}
