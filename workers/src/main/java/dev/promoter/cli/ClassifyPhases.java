package dev.promoter.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where a {@code classify} run's time goes, printed on standard error when the system property
 * {@value #PROPERTY} is {@code true} ({@code PROMOTER_JAVA_OPTS=-Dpromoter.classify.phases=true}):
 * wall time of each phase, the process's CPU time at each boundary, and the CPU time of the
 * FASTA-reading thread. Off by default: nothing of this (JMX, the process handle) is loaded then.
 *
 * <p>Phases: JVM start to {@code call()} (the process's start time comes from the kernel, to about
 * 10 ms), loading the model, then the batch loop split into waiting for the reader, classifying
 * and formatting + writing, then committing the output file.
 */
final class ClassifyPhases {
  static final String PROPERTY = "promoter.classify.phases";

  private final boolean on = Boolean.getBoolean(PROPERTY);
  private final StringBuilder report = new StringBuilder();
  private long last;
  private long waiting;
  private long classifying;
  private long writing;

  ClassifyPhases() {
    if (on) {
      ProcessHandle.Info info = ProcessHandle.current().info();
      long sinceStart = info.startInstant().map(s -> Duration.between(s, Instant.now()).toNanos()).orElse(-1L);
      report.append(String.format(Locale.ROOT, "phases: JVM start to classify %.3f s wall (process CPU %.3f s)%n",
          sinceStart / 1e9, processCpu() / 1e9));
      last = System.nanoTime();
    }
  }

  boolean on() {
    return on;
  }

  /** Ends a named phase that started at the previous mark. */
  void mark(String phase) {
    if (on) {
      long now = System.nanoTime();
      report.append(String.format(Locale.ROOT, "phases: %-22s %.3f s wall (process CPU %.3f s so far)%n", phase,
          (now - last) / 1e9, processCpu() / 1e9));
      last = now;
    }
  }

  long now() {
    return on ? System.nanoTime() : 0;
  }

  void waited(long since) {
    if (on) {
      waiting += System.nanoTime() - since;
    }
  }

  void classified(long since) {
    if (on) {
      classifying += System.nanoTime() - since;
    }
  }

  void wrote(long since) {
    if (on) {
      writing += System.nanoTime() - since;
    }
  }

  /** Prints the report, with the loop's split and the reading thread's CPU time ({@code readerCpu} ns, -1 unknown). */
  void print(java.io.PrintWriter err, long readerCpu, long records) {
    if (!on) {
      return;
    }
    err.print(report);
    err.printf(Locale.ROOT, "phases: loop over %d records: waiting for the reader %.3f s, classifying %.3f s, "
        + "formatting and writing %.3f s (wall, main thread)%n", records, waiting / 1e9, classifying / 1e9, writing / 1e9);
    err.printf(Locale.ROOT, "phases: reader thread CPU %s; process CPU at exit %.3f s%n",
        readerCpu < 0 ? "unknown" : String.format(Locale.ROOT, "%.3f s", readerCpu / 1e9), processCpu() / 1e9);
    err.print(threadCpu());
    err.flush();
  }

  /**
   * CPU time of every thread of this process by name, JVM threads (JIT compilers, GC) included,
   * from Linux's /proc/self/task (clock ticks); empty elsewhere.
   */
  private static String threadCpu() {
    java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return "";
    }
    for (java.io.File task : tasks) {
      try {
        String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).strip()
            .replaceAll("[0-9]+$", "#");
        String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
      } catch (java.io.IOException | RuntimeException gone) {
        // a thread that ended meanwhile
      }
    }
    StringBuilder line = new StringBuilder("phases: CPU by live thread (s):");
    ticks.forEach((name, t) -> {
      if (t > 0) {
        line.append(String.format(Locale.ROOT, " %s %.2f;", name, t / 100.0));
      }
    });
    return line.append(System.lineSeparator()).toString();
  }

  private static long processCpu() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }
}
