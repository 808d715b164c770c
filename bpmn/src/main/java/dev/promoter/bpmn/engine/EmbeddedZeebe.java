package dev.promoter.bpmn.engine;

import java.util.ServiceLoader;

/**
 * The embedded Zeebe engine of the dev stack, found through {@link ServiceLoader}: the
 * {@code zeebe-dev} module provides it (zeebe-process-test, Zeebe Community License 1.1, which
 * Camunda ships for testing only). The production image does not carry that module, so there
 * nothing embedded can start.
 */
public interface EmbeddedZeebe extends AutoCloseable {

  /** host:port of the engine's gRPC gateway. */
  String gatewayAddress();

  @Override
  void close();

  /** Starts the engine, in memory, on a loopback gRPC port. */
  interface Factory {
    EmbeddedZeebe start(int port);
  }

  /** Starts the embedded engine, or says why it cannot. */
  static EmbeddedZeebe start(int port) {
    Factory factory = ServiceLoader.load(Factory.class).findFirst().orElseThrow(() ->
        new IllegalStateException("the embedded Zeebe engine is not on the class path (it is a "
            + "dev-only module, zeebe-dev); set CAMUNDA_GRPC_ADDRESS to use a Camunda 8 cluster"));
    return factory.start(port);
  }
}
