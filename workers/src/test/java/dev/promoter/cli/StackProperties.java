package dev.promoter.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Points the application at a private home folder and free ports through system properties,
 * which Spring ranks above application.yml, and restores them afterwards.
 */
public final class StackProperties implements AutoCloseable {
  private static final String[] KEYS = {"promoter.home", "promoter.postgres.embedded-port",
      "promoter.temporal.embedded-port", "promoter.mode", "promoter.postgres.url",
      "promoter.temporal.address", "promoter.workers.data-root", "promoter.url", "promoter.token",
      "promoter.camunda.embedded-port", "promoter.artifacts.root", "promoter.artifacts.s3-endpoint"};
  final int postgresPort;
  final int temporalPort;

  public StackProperties(Path home) throws IOException {
    postgresPort = freePort();
    temporalPort = freePort();
    System.setProperty("promoter.home", home.toString());
    System.setProperty("promoter.postgres.embedded-port", Integer.toString(postgresPort));
    System.setProperty("promoter.temporal.embedded-port", Integer.toString(temporalPort));
  }

  public StackProperties set(String key, String value) {
    System.setProperty(key, value);
    return this;
  }

  /**
   * A port nothing listens on now. The caller binds it later (often in a child JVM, seconds
   * later), so with several test JVMs at once (surefire's forkCount; they get
   * {@code promoter.test.fork=N of M}) each takes its ports from its own share of the range:
   * (port / 2) mod M, because Linux hands out only odd ports for bind(0). Two test JVMs then
   * never pick the same port in that gap.
   */
  public static int freePort() throws IOException {
    return freePort(System.getProperty("promoter.test.fork", ""));
  }

  /** {@link #freePort()} for the test JVM that {@code forkSetting} ("N of M") names. */
  static int freePort(String forkSetting) throws IOException {
    int[] fork = fork(forkSetting);
    for (int attempt = 0; ; attempt++) {
      try (ServerSocket s = new ServerSocket(0)) {
        int port = s.getLocalPort();
        if (fork[1] <= 1 || (port / 2) % fork[1] == fork[0] - 1 || attempt >= 10_000) {
          return port;
        }
      }
    }
  }

  /** {@code "N of M"} as {N, M}; {1, 1} (one test JVM) when absent or not that shape. */
  static int[] fork(String setting) {
    String[] parts = setting.strip().split(" of ");
    try {
      int n = Integer.parseInt(parts[0]);
      int m = Integer.parseInt(parts[1]);
      return n >= 1 && n <= m ? new int[] {n, m} : new int[] {1, 1};
    } catch (RuntimeException e) {
      return new int[] {1, 1};
    }
  }

  @Override
  public void close() {
    for (String key : KEYS) {
      System.clearProperty(key);
    }
  }
}
