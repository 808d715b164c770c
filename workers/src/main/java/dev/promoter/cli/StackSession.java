package dev.promoter.cli;

import dev.promoter.app.PromoterApplication;
import dev.promoter.stack.StackConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A CLI command's view of the stack: a lazy Spring context, so only what the command asks for
 * starts (a registry query starts Postgres, not Temporal), closed when the command ends.
 */
final class StackSession implements AutoCloseable {
  private final ConfigurableApplicationContext context;

  private StackSession(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /**
   * A command's context. In dev mode it uses the embedded Temporal server of a running
   * {@code promoter server} and never starts one of its own: asked for the engine with none
   * running, it fails with a line saying to start the server.
   */
  static StackSession open() {
    return new StackSession(PromoterApplication.startForCommand(
        "--" + StackConfiguration.ATTACH_ONLY + "=true"));
  }

  /** A context that starts whatever it uses itself, the embedded Temporal server too (the demo's). */
  static StackSession ownStack(String... springArgs) {
    return new StackSession(PromoterApplication.startForCommand(springArgs));
  }

  /** The server's context: the stack plus the REST API. */
  static StackSession serve(String... springArgs) {
    return new StackSession(PromoterApplication.startServer(springArgs));
  }

  /** Where the REST API listens, e.g. {@code http://127.0.0.1:8080}. */
  String httpAddress() {
    org.springframework.core.env.Environment env = context.getEnvironment();
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    return "http://" + env.getProperty("server.address", "127.0.0.1") + ":" + port;
  }

  <T> T get(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
