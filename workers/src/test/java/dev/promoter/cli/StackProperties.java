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

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (String key : KEYS) {
      System.clearProperty(key);
    }
  }
}
