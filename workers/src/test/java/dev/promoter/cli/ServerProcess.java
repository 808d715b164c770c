package dev.promoter.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * `promoter server` as its own JVM, for drills that kill processes: its output goes to a log
 * file the drill can wait on; {@link #kill()} is {@code kill -9}.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private boolean released;
  final int httpPort;

  private ServerProcess(Process process, Path log, int httpPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  /** Starts {@code promoter server --pools POOLS} over {@code home} with the given ports. */
  static ServerProcess start(Path home, Path dataRoot, int postgresPort, int temporalPort, String pools,
      String name) throws IOException {
    return start(home, dataRoot, postgresPort, temporalPort, pools, name, List.of());
  }

  /** As above, with extra {@code -Dname=value} settings (a drill's short timeouts). */
  static ServerProcess start(Path home, Path dataRoot, int postgresPort, int temporalPort, String pools,
      String name, List<String> settings) throws IOException {
    OneDrillAtATime.enter();
    try {
      return launch(home, dataRoot, postgresPort, temporalPort, pools, name, settings);
    } catch (IOException | RuntimeException e) {
      OneDrillAtATime.leave();
      throw e;
    }
  }

  private static ServerProcess launch(Path home, Path dataRoot, int postgresPort, int temporalPort, String pools,
      String name, List<String> settings) throws IOException {
    int httpPort = StackProperties.freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-Dai.djl.offline=true", "-Xmx1g",
        "-Dpromoter.home=" + home, "-Dpromoter.postgres.embedded-port=" + postgresPort,
        "-Dpromoter.temporal.embedded-port=" + temporalPort, "-Dpromoter.workers.data-root=" + dataRoot,
        "-Dserver.port=" + httpPort));
    command.addAll(settings);
    command.addAll(List.of(
        "-cp", System.getProperty("java.class.path"), PromoterCli.class.getName(), "server", "--pools", pools));
    Path log = Files.createTempFile("promoter-" + name + "-", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ServerProcess(process, log, httpPort);
  }

  /** Waits until the log shows {@code text}; fails with the log when the process dies first. */
  ServerProcess awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (log().contains(text)) {
        return this;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the server exited " + process.exitValue() + " before '" + text + "':\n" + log());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + log());
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  String base() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** {@code kill -9}: no shutdown hook, no goodbye. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /**
   * {@code kill -TERM}, as Ctrl-C or a service manager stops it, and waits for the process to end.
   *
   * @return whether it ended within {@code timeout} (the log stays readable)
   */
  boolean stop(Duration timeout) throws InterruptedException {
    process.destroy();
    return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
      Files.deleteIfExists(log);
    } finally {
      if (!released) {
        released = true;
        OneDrillAtATime.leave();
      }
    }
  }
}
