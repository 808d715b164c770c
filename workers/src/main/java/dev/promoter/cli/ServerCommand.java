package dev.promoter.cli;

import dev.promoter.registry.ModelRegistry;
import dev.promoter.stack.TemporalConnection;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code promoter server}: starts the stack and keeps it up, so other {@code promoter} commands
 * (and other processes) use it instead of starting their own.
 */
@Command(name = "server", description = "Start the stack and keep it running until interrupted.")
final class ServerCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    StackSession stack = StackSession.open("--logging.level.dev.promoter=INFO");
    TemporalConnection temporal = stack.get(TemporalConnection.class);
    stack.get(ModelRegistry.class).models();
    out.println("Temporal  " + temporal.address());
    out.println("registry  ready");
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
