package dev.promoter.stack;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A checked connection to Temporal: service stubs that passed a health check, and a client on
 * the configured namespace. Built from {@link PromoterProperties.Temporal}: plain, server TLS,
 * mutual TLS (certificate and key files) or an API key (which implies TLS, as Temporal Cloud
 * requires).
 */
public final class TemporalConnection implements AutoCloseable {
  private static final Duration HEALTH_CHECK = Duration.ofSeconds(10);
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final String address;

  private TemporalConnection(WorkflowServiceStubs stubs, WorkflowClient client, String address) {
    this.stubs = stubs;
    this.client = client;
    this.address = address;
  }

  /** Connects to {@code address}, failing with one line that names it if it does not answer. */
  public static TemporalConnection connect(String address, PromoterProperties.Temporal settings) {
    return connect(address, settings, null);
  }

  /**
   * As {@link #connect(String, PromoterProperties.Temporal)}, reporting the SDK's metrics (among
   * them each activity type's execution latency: the lifecycle's step durations) to {@code meters}.
   */
  public static TemporalConnection connect(String address, PromoterProperties.Temporal settings,
      io.micrometer.core.instrument.MeterRegistry meters) {
    WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder()
        .setTarget(address);
    if (meters != null) {
      options.setMetricsScope(new com.uber.m3.tally.RootScopeBuilder()
          .reporter(new io.temporal.common.reporter.MicrometerClientStatsReporter(meters))
          .reportEvery(com.uber.m3.util.Duration.ofSeconds(10)));
    }
    boolean mutualTls = notBlank(settings.tlsCert()) || notBlank(settings.tlsKey());
    if (mutualTls) {
      options.setSslContext(sslContext(settings));
    } else if (settings.tls() || notBlank(settings.apiKey())) {
      options.setEnableHttps(true);
    }
    if (notBlank(settings.apiKey())) {
      String key = settings.apiKey();
      options.addApiKey(() -> key);
    }
    WorkflowServiceStubs stubs;
    try {
      stubs = WorkflowServiceStubs.newConnectedServiceStubs(options.build(), HEALTH_CHECK);
    } catch (RuntimeException e) {
      throw new StackException("cannot reach Temporal at " + address + ": "
          + EmbeddedPostgresServer.rootMessage(e), e);
    }
    WorkflowClient client = WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
    return new TemporalConnection(stubs, client, address);
  }

  private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext sslContext(
      PromoterProperties.Temporal settings) {
    if (!notBlank(settings.tlsCert()) || !notBlank(settings.tlsKey())) {
      throw new StackException("mutual TLS needs both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY");
    }
    try (InputStream cert = Files.newInputStream(Path.of(settings.tlsCert()));
        InputStream key = Files.newInputStream(Path.of(settings.tlsKey()))) {
      return SimpleSslContextBuilder.forPKCS8(cert, key).build();
    } catch (IOException e) {
      throw new StackException("cannot read the Temporal TLS certificate or key: " + e.getMessage(), e);
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  /** The workflow client on the configured namespace. */
  public WorkflowClient client() {
    return client;
  }

  /** The service stubs. */
  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  /** host:port connected to. */
  public String address() {
    return address;
  }

  @Override
  public void close() {
    stubs.shutdown();
    stubs.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
  }
}
