package dev.promoter.serving;

import dev.promoter.registry.PredictionLog;
import dev.promoter.registry.PredictionRecord;
import dev.promoter.registry.RegistryException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the prediction log off the request path: requests {@link #offer} rows to a bounded
 * queue and return; one daemon thread inserts them in batches. A full queue or a failed insert
 * drops rows (counted in {@code promoter_serving_log_dropped_total}) rather than slowing or
 * failing predictions. Retention runs on the same thread, hourly.
 */
public final class PredictionWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PredictionWriter.class);
  private static final Duration RETENTION_EVERY = Duration.ofHours(1);

  private final PredictionLog table;
  private final ServingSettings settings;
  private final Clock clock;
  private final BlockingQueue<PredictionRecord> queue;
  private final ReentrantLock writing = new ReentrantLock();
  private final Counter dropped;
  private final Thread thread;
  private volatile boolean running = true;
  private Instant retainedAt = Instant.MIN;

  /** Starts the writer thread. */
  public PredictionWriter(PredictionLog table, ServingSettings settings, Clock clock, MeterRegistry meters) {
    this.table = table;
    this.settings = settings;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(settings.logQueue());
    this.dropped = Counter.builder("promoter.serving.log.dropped")
        .description("predictions not written to the prediction log (queue full or insert failed)")
        .register(meters);
    this.thread = Thread.ofPlatform().daemon().name("prediction-log-writer").start(this::run);
  }

  /** Queues rows for the log; never blocks. */
  public void offer(List<PredictionRecord> records) {
    for (PredictionRecord r : records) {
      if (!queue.offer(r)) {
        dropped.increment();
      }
    }
    LockSupport.unpark(thread);
  }

  /** Writes everything queued so far before returning (tests, feedback, shutdown). */
  public void flush() {
    writing.lock();
    try {
      while (!queue.isEmpty()) {
        writeBatch(drain(null));
      }
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
  // feedback call, used to wait out the writer's 200 ms poll): rows stay in the queue until the
  // writer drains them under the lock, so a flush never misses rows taken but not yet written.
  private void run() {
    while (running) {
      boolean idle;
      writing.lock();
      try {
        List<PredictionRecord> batch = drain(null);
        idle = batch.isEmpty();
        if (!idle) {
          writeBatch(batch);
        }
        retainHourly();
      } catch (RuntimeException e) {
        idle = true;
        log.warn("prediction log writer: {}", e.toString());
      } finally {
        writing.unlock();
      }
      if (idle) {
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(200)); // offer() unparks
        if (Thread.interrupted()) {
          return;
        }
      }
    }
  }

  private List<PredictionRecord> drain(PredictionRecord first) {
    List<PredictionRecord> batch = new ArrayList<>(settings.logBatch());
    if (first != null) {
      batch.add(first);
    }
    queue.drainTo(batch, settings.logBatch() - batch.size());
    return batch;
  }

  private void writeBatch(List<PredictionRecord> batch) {
    try {
      table.append(batch);
    } catch (RegistryException e) {
      // an outage must not reach the requests that produced these rows: drop and count them
      dropped.increment(batch.size());
      log.warn("prediction log: {} row(s) dropped: {}", batch.size(), e.getMessage());
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
