package dev.promoter.bpmn.engine;

import io.camunda.client.CamundaClient;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client to Camunda 8, with the processes deployed: a cluster when one is configured, else the
 * embedded engine (dev mode only). An unreachable cluster is one line naming it.
 */
public final class CamundaConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CamundaConnection.class);
  private final CamundaClient client;
  private final EmbeddedZeebe embedded;
  private final String where;

  private CamundaConnection(CamundaClient client, EmbeddedZeebe embedded, String where) {
    this.client = client;
    this.embedded = embedded;
    this.where = where;
  }

  /**
   * Connects (starting the embedded engine when nothing is configured and {@code mayEmbed}),
   * checks the cluster answers, and deploys the processes.
   *
   * @throws IllegalStateException naming the cluster when it cannot be reached
   */
  public static CamundaConnection connect(CamundaSettings s, boolean mayEmbed) {
    if (!s.external() && !mayEmbed) {
      throw new IllegalStateException("production mode needs CAMUNDA_GRPC_ADDRESS (self-managed) or "
          + "CAMUNDA_CLUSTER_ID, CAMUNDA_CLUSTER_REGION, CAMUNDA_CLIENT_ID and CAMUNDA_CLIENT_SECRET (SaaS)");
    }
    // a dev server already runs the embedded engine on this port: use it, as the CLI does
    // with the embedded Temporal server
    boolean attach = !s.external() && listening(s.embeddedPort());
    EmbeddedZeebe embedded = s.external() || attach ? null : EmbeddedZeebe.start(s.embeddedPort());
    CamundaClient client;
    if (s.saas()) {
      client = CamundaClient.newCloudClientBuilder().withClusterId(s.clusterId())
          .withClientId(s.clientId()).withClientSecret(s.clientSecret()).withRegion(s.region())
          .numJobWorkerExecutionThreads(s.jobThreads()).build();
    } else {
      String grpc = s.selfManaged() ? s.grpcAddress()
          : "http://" + (attach ? "127.0.0.1:" + s.embeddedPort() : embedded.gatewayAddress());
      var builder = CamundaClient.newClientBuilder().grpcAddress(URI.create(grpc))
          // the embedded engine speaks gRPC only; a self-managed cluster may have REST too
          .preferRestOverGrpc(false).defaultRequestTimeout(Duration.ofSeconds(30))
          .numJobWorkerExecutionThreads(s.jobThreads());
      if (s.restAddress() != null && !s.restAddress().isBlank()) {
        builder.restAddress(URI.create(s.restAddress()));
      }
      client = builder.build();
    }
    CamundaConnection connection = new CamundaConnection(client, embedded, s.where());
    try {
      client.newTopologyRequest().requestTimeout(Duration.ofSeconds(10)).send().join();
      new CamundaLifecycles(client).deploy();
    } catch (RuntimeException e) {
      connection.close();
      throw new IllegalStateException("cannot reach " + s.where() + ": " + rootMessage(e), e);
    }
    log.info("connected to {}; processes deployed", s.where());
    return connection;
  }

  private static boolean listening(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }

  /** The client. */
  public CamundaClient client() {
    return client;
  }

  /** Which engine, in words. */
  public String where() {
    return where;
  }

  @Override
  public void close() {
    client.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
