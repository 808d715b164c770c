package dev.promoter.cli;

import dev.promoter.app.PromoterApplication;
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

  static StackSession open(String... springArgs) {
    return new StackSession(PromoterApplication.startForCommand(springArgs));
  }

  <T> T get(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
