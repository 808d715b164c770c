package dev.promoter.serving;

import dev.promoter.drift.SequenceSummary;
import dev.promoter.registry.PredictionLog;
import dev.promoter.registry.RegistryException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the prediction log off the request path: requests {@link #offer} their rows to a bounded
 * queue and return; one daemon thread writes what has queued every {@link #DEFAULT_FLUSH} (or as
 * soon as a batch's worth has queued), one {@code COPY} per batch. Requests never wake it one by
 * one: woken per request it committed a handful of rows at a time, and the embedded Postgres
 * spent a fifth of the serving benchmark's CPU on it. A full queue or a failed write drops rows
 * (counted in {@code promoter_serving_log_dropped_total}) rather than slowing or failing
 * predictions. Retention runs on the same thread, hourly.
 */
public final class PredictionWriter implements AutoCloseable {
  /** How long rows wait for the writer at most, when fewer than a batch have queued. */
  public static final Duration DEFAULT_FLUSH = Duration.ofMillis(200);
  private static final Logger log = LoggerFactory.getLogger(PredictionWriter.class);
  private static final Duration RETENTION_EVERY = Duration.ofHours(1);

  /**
   * One answered (or failed) sequence as a request hands it over: the drift summary's counts, not
   * its columns; the writer thread computes those and their JSON.
   *
   * @param label the predicted class, or null when the version failed
   * @param outcome {@code ok}, {@code model_error} or {@code unavailable}
   */
  public record Row(Instant at, String requestId, int item, String model, int version, String route,
      double latencyMs, String label, double confidence, SequenceSummary.Counts counts, String outcome) {}

  private final PredictionLog table;
  private final ServingSettings settings;
  private final Clock clock;
  private final long flushNanos;
  /** Each request's rows as one element; {@link #queued} counts the rows, for the bound. */
  private final Queue<List<Row>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final ReentrantLock writing = new ReentrantLock();
  private final PredictionLog.Rows rows = new PredictionLog.Rows();
  private final StringBuilder features = new StringBuilder();
  private final Counter dropped;
  private final Thread thread;
  private volatile boolean running = true;
  private Instant retainedAt = Instant.MIN;

  /** Starts the writer thread, flushing every {@link #DEFAULT_FLUSH}. */
  public PredictionWriter(PredictionLog table, ServingSettings settings, Clock clock, MeterRegistry meters) {
    this(table, settings, clock, meters, DEFAULT_FLUSH);
  }

  /** Starts the writer thread; rows wait at most {@code flushEvery} unless a batch's worth queues first. */
  public PredictionWriter(PredictionLog table, ServingSettings settings, Clock clock, MeterRegistry meters,
      Duration flushEvery) {
    if (flushEvery.isNegative() || flushEvery.isZero()) {
      throw new IllegalArgumentException("the prediction log's flush interval must be positive: " + flushEvery);
    }
    this.table = table;
    this.settings = settings;
    this.clock = clock;
    this.flushNanos = flushEvery.toNanos();
    this.dropped = Counter.builder("promoter.serving.log.dropped")
        .description("predictions not written to the prediction log (queue full or insert failed)")
        .register(meters);
    this.thread = Thread.ofPlatform().daemon().name("prediction-log-writer").start(this::run);
  }

  /**
   * Queues a request's rows for the log; never blocks. All of them are dropped (and counted) when
   * they do not fit in the queue. Wakes the writer only when the queue reaches a batch.
   */
  public void offer(List<Row> records) {
    int n = records.size();
    if (n == 0) {
      return;
    }
    int after = queued.addAndGet(n);
    if (after > settings.logQueue()) {
      queued.addAndGet(-n);
      dropped.increment(n);
      return;
    }
    queue.add(records);
    if (after >= settings.logBatch() && after - n < settings.logBatch()) {
      LockSupport.unpark(thread);
    }
  }

  /** Writes everything queued so far before returning (tests, feedback, shutdown). */
  public void flush() {
    writing.lock();
    try {
      writeQueued();
    } finally {
      writing.unlock();
    }
  }

  /** Applies retention now: deletes rows older than the retention setting. */
  public int applyRetention() {
    if (settings.retention().isZero()) {
      return 0;
    }
    return table.deleteBefore(clock.instant().minus(settings.retention()));
  }

  // The lock is held only while rows are written, never while waiting for them (a flush, e.g. a
  // feedback call, must not wait out the writer's sleep): rows stay in the queue until the writer
  // takes them under the lock, so a flush never misses rows taken but not yet written.
  private void run() {
    while (running) {
      if (queued.get() < settings.logBatch()) {
        LockSupport.parkNanos(this, flushNanos); // offer() unparks when a batch has queued
        if (Thread.interrupted()) {
          return;
        }
      }
      writing.lock();
      try {
        writeQueued();
        retainHourly();
      } catch (RuntimeException e) {
        log.warn("prediction log writer: {}", e.toString());
      } finally {
        writing.unlock();
      }
    }
  }

  /** Writes the queue in batches of about {@code logBatch} rows (a request's rows stay together). */
  private void writeQueued() {
    List<Row> request;
    while ((request = queue.poll()) != null) {
      queued.addAndGet(-request.size());
      for (Row r : request) {
        features.setLength(0);
        r.counts().appendJson(features);
        rows.add(r.at(), r.requestId(), r.item(), r.model(), r.version(), r.route(), r.latencyMs(), r.label(),
            r.confidence(), features, r.outcome());
      }
      if (rows.size() >= settings.logBatch()) {
        writeBatch();
      }
    }
    writeBatch();
  }

  private void writeBatch() {
    if (rows.size() == 0) {
      return;
    }
    try {
      table.append(rows);
    } catch (RegistryException e) {
      // an outage must not reach the requests that produced these rows: drop and count them
      dropped.increment(rows.size());
      log.warn("prediction log: {} row(s) dropped: {}", rows.size(), e.getMessage());
    } finally {
      rows.clear();
    }
  }

  private void retainHourly() {
    Instant now = clock.instant();
    if (retainedAt.plus(RETENTION_EVERY).isBefore(now)) {
      retainedAt = now;
      try {
        int deleted = applyRetention();
        if (deleted > 0) {
          log.info("prediction log retention: {} row(s) older than {} deleted", deleted, settings.retention());
        }
      } catch (RegistryException e) {
        log.warn("prediction log retention: {}", e.getMessage());
      }
    }
  }

  /** Writes what is queued and stops the thread. */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
