package dev.promoter.cli;

import dev.promoter.registry.ModelRegistry;
import dev.promoter.stack.TemporalConnection;
import dev.promoter.worker.WorkerPools;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code promoter server}: starts the stack and the worker pools and keeps them up, so other
 * {@code promoter} commands (and other processes) use it instead of starting their own. In
 * production, {@code --pools cpu} or {@code --pools gpu} runs one pool per process.
 */
@Command(name = "server", description = "Start the stack and the worker pools; keep running until interrupted.")
final class ServerCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pools", split = ",", defaultValue = "cpu,gpu",
      description = "pools to run: cpu, gpu, or none for the API and UI only (default: ${DEFAULT-VALUE})")
  java.util.List<String> pools;

  /** cpu and/or gpu, or none alone; anything else is a typo that would silently poll nothing. */
  static void checkPools(java.util.List<String> pools) {
    java.util.Set<String> set = new java.util.LinkedHashSet<>(pools);
    boolean known = java.util.Set.of("cpu", "gpu", "none").containsAll(set);
    if (!known || set.isEmpty() || set.contains("none") && set.size() > 1) {
      throw new BadInputException("--pools is '" + String.join(",", pools)
          + "': use cpu, gpu, cpu,gpu, or none (API and UI only)");
    }
  }

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    checkPools(pools);
    requireFreeHttpPort();
    StackSession stack = StackSession.serve("--logging.level.dev.promoter=INFO",
        "--promoter.workers.pools=" + String.join(",", pools));
    TemporalConnection temporal = stack.get(TemporalConnection.class);
    stack.get(ModelRegistry.class).models();
    WorkerPools workers = stack.get(WorkerPools.class);
    out.println("Temporal  " + temporal.address());
    out.println("registry  ready");
    out.println("REST API  " + stack.httpAddress() + "/api/v1 (OpenAPI: /v3/api-docs, Swagger UI: /swagger-ui/index.html)");
    out.println("web UI    " + stack.httpAddress() + "/ (sign in with a user's password"
        + (stack.get(dev.promoter.stack.PromoterProperties.class).production() ? ")"
            : "; dev passwords in " + stack.get(dev.promoter.stack.PromoterProperties.class).homePath().resolve("dev-passwords") + ")"));
    workers.started().forEach(p -> out.println("polling   " + p));
    if (workers.started().isEmpty()) {
      out.println("polling   nothing (--pools none): the API and the UI; workers run elsewhere");
    }
    if (stack.get(dev.promoter.camunda.CamundaProperties.class).enabled()) {
      // PROMOTER_ENGINES=temporal,camunda: the embedded Zeebe engine in dev, a cluster in production
      dev.promoter.camunda.CamundaWorkers jobs = stack.get(dev.promoter.camunda.CamundaWorkers.class);
      out.println("Camunda   " + stack.get(dev.promoter.bpmn.engine.CamundaConnection.class).where());
      jobs.started().forEach(p -> out.println("jobs      " + p));
    }
    out.println("serving; Ctrl-C to stop");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.close();
      stopped.countDown();
    }, "promoter-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // one line naming the port, before anything starts, instead of Spring's failure report
  private static void requireFreeHttpPort() {
    String address = setting("server.address", "PROMOTER_HTTP_ADDRESS", "127.0.0.1");
    String port = setting("server.port", "PROMOTER_HTTP_PORT", "8080");
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new BadInputException("PROMOTER_HTTP_PORT is '" + port + "', not a port number");
    }
    if (number == 0) {
      return;
    }
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.bind(new java.net.InetSocketAddress(address, number));
    } catch (java.io.IOException e) {
      throw new dev.promoter.stack.StackException("cannot serve the REST API on " + address + ":"
          + number + ": the port is in use (another `promoter server`?); set PROMOTER_HTTP_PORT "
          + "to another port");
    }
  }

  private static String setting(String property, String variable, String fallback) {
    String value = System.getProperty(property, System.getenv(variable));
    return value == null || value.isBlank() ? fallback : value;
  }
}
