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

  @Option(names = "--pools", split = ",", defaultValue = "cpu,gpu", description = "pools to run (default: ${DEFAULT-VALUE})")
  java.util.List<String> pools;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    StackSession stack = StackSession.serve("--logging.level.dev.promoter=INFO",
        "--promoter.workers.pools=" + String.join(",", pools));
    TemporalConnection temporal = stack.get(TemporalConnection.class);
    stack.get(ModelRegistry.class).models();
    WorkerPools workers = stack.get(WorkerPools.class);
    out.println("Temporal  " + temporal.address());
    out.println("registry  ready");
    out.println("REST API  " + stack.httpAddress() + "/api/v1 (OpenAPI: /v3/api-docs, Swagger UI: /swagger-ui/index.html)");
    workers.started().forEach(p -> out.println("polling   " + p));
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
}
