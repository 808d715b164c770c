package dev.promoter.zeebedev;

import dev.promoter.bpmn.engine.EmbeddedZeebe;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;

/**
 * zeebe-process-test's engine, in memory, on a gRPC port: what {@code ./promoter server} and
 * {@code demo --engine camunda} start when no cluster is configured. Its state goes with the
 * process, like the embedded Temporal server's.
 */
public final class ProcessTestEngine implements EmbeddedZeebe {
  private final ZeebeTestEngine engine;

  private ProcessTestEngine(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  @Override
  public String gatewayAddress() {
    return engine.getGatewayAddress();
  }

  @Override
  public void close() {
    engine.stop();
  }

  /** The {@link java.util.ServiceLoader} entry. */
  public static final class Factory implements EmbeddedZeebe.Factory {
    @Override
    public EmbeddedZeebe start(int port) {
      ZeebeTestEngine engine = EngineFactory.create(port);
      try {
        engine.start();
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot start the embedded Zeebe engine on port " + port
            + " (PROMOTER_ZEEBE_PORT): " + e.getMessage(), e);
      }
      return new ProcessTestEngine(engine);
    }
  }
}
