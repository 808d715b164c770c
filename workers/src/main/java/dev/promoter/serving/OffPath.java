package dev.promoter.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work done beside a request, never on its path: shadow scoring and preloading split versions.
 * Two daemon threads and a bounded queue; when the queue is full the work is dropped and counted
 * ({@code promoter_serving_offpath_dropped_total}), so a slow shadow never slows a caller.
 */
public final class OffPath implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OffPath.class);
  private final ThreadPoolExecutor executor;
  private final Counter dropped;
  private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

  /** Starts the threads. */
  public OffPath(MeterRegistry meters) {
    executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
        Thread.ofPlatform().daemon().name("serving-offpath-", 0).factory(),
        new ThreadPoolExecutor.AbortPolicy());
    dropped = Counter.builder("promoter.serving.offpath.dropped")
        .description("off-path work (shadow scoring, preloading) dropped because its queue was full")
        .register(meters);
  }

  /** Queues {@code work}; never blocks. */
  public void submit(Runnable work) {
    pending.incrementAndGet();
    try {
      executor.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          log.warn("off-path serving work failed: {}", e.toString());
        } finally {
          pending.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException e) {
      pending.decrementAndGet();
      dropped.increment();
    }
  }

  /** Waits until queued work is done (tests, shutdown). */
  public void drain() {
    while (pending.get() > 0) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    executor.shutdown();
  }
}
