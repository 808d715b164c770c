package dev.promoter.stack;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev stack's Temporal: the Java test server bound to a localhost port, in real time (no
 * time skipping), so other processes (a second CLI, a separate worker) can use it over gRPC.
 * Its state is in memory and ends with the process that started it. If a Promoter process
 * already serves the port, this one uses that server instead.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);
  private final TestServicesStarter services;
  private final Server server;
  private final int port;

  private EmbeddedTemporalServer(TestServicesStarter services, Server server, int port) {
    this.services = services;
    this.server = server;
    this.port = port;
  }

  /**
   * Starts the test server on {@code port}, or, when something already listens there, returns a
   * handle that only points at it (the caller's health check tells whether it speaks Temporal).
   */
  public static EmbeddedTemporalServer startOrAttach(int port) {
    if (Ports.listening(port)) {
      log.info("using the Temporal server already listening on localhost:{}", port);
      return new EmbeddedTemporalServer(null, null, port);
    }
    if (!Ports.free(port)) {
      throw new StackException("port " + port + " for the embedded Temporal server cannot be bound: "
          + "set PROMOTER_TEMPORAL_PORT to a free port");
    }
    // lockTimeSkipping = true: real time, as a real cluster behaves
    TestServicesStarter services = new TestServicesStarter(true, 0);
    try {
      Server server = loopbackServer(services, port).start();
      log.info("embedded Temporal test server on localhost:{} (in memory)", port);
      return new EmbeddedTemporalServer(services, server, port);
    } catch (IOException | RuntimeException e) {
      services.close();
      throw new StackException("cannot start the embedded Temporal server on port " + port + ": "
          + EmbeddedPostgresServer.rootMessage(e), e);
    }
  }

  // TestServer.createPortBoundServer listens on every interface; a dev stack should not, so the
  // same services are served here on the loopback address only, with the gRPC health service
  // the Temporal client checks before its first call.
  private static Server loopbackServer(TestServicesStarter services, int port) {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    HealthStatusManager health = new HealthStatusManager();
    for (BindableService service : services.getServices()) {
      builder.addService(service);
      health.setStatus(service.bindService().getServiceDescriptor().getName(),
          HealthCheckResponse.ServingStatus.SERVING);
    }
    return builder.addService(health.getHealthService()).build();
  }

  /** Whether a server (ours or another Promoter process's) answers on the local port. */
  public static boolean serving(int port) {
    return Ports.listening(port);
  }

  /** host:port of the server. */
  public String address() {
    return "localhost:" + port;
  }

  /** Whether this process started the server. */
  public boolean startedHere() {
    return server != null;
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdown();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      services.close();
    }
  }
}
