package dev.promoter.cli;

import dev.promoter.client.PromoterClient;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.stack.EmbeddedTemporalServer;
import dev.promoter.stack.PromoterProperties;
import dev.promoter.stack.StackException;
import dev.promoter.stack.TemporalConnection;
import dev.promoter.worker.WorkerProperties;

/**
 * A command's connection to a running Promoter: in dev mode that is the process that runs
 * {@code promoter server} (or {@code promoter demo}), because the embedded Temporal keeps its
 * workflows in that process's memory; in production, the configured cluster.
 */
final class ClientSession implements AutoCloseable {
  private final StackSession stack;
  private final PromoterClient client;

  private ClientSession(StackSession stack) {
    this.stack = stack;
    PromoterProperties props = stack.get(PromoterProperties.class);
    if (!props.temporal().external()
        && !EmbeddedTemporalServer.serving(props.temporal().embeddedPort())) {
      throw new StackException("no Promoter server is running on localhost:"
          + props.temporal().embeddedPort() + ": start `./promoter server` in another terminal "
          + "(dev mode keeps workflows in that process's memory)");
    }
    client = new PromoterClient(stack.get(TemporalConnection.class).client(),
        stack.get(RegistryDatabase.class).dataSource(), stack.get(WorkerProperties.class).taskQueues());
  }

  static ClientSession open() {
    StackSession stack = StackSession.open();
    try {
      return new ClientSession(stack);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  PromoterClient client() {
    return client;
  }

  @Override
  public void close() {
    stack.close();
  }
}
