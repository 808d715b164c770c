package dev.promoter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.bpmn.engine.CamundaConnection;
import dev.promoter.camunda.CamundaWorkers;
import dev.promoter.registry.Experiments;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.RunSummary;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.LifecycleService;
import dev.promoter.service.LifecycleSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code promoter demo --engine camunda}: the same lifecycle as BPMN on Zeebe (the embedded
 * engine unless CAMUNDA_GRPC_ADDRESS is set), followed through the registry, which is where a
 * Camunda run reports its steps.
 */
final class CamundaDemo {
  private static final Set<String> OPEN = Set.of("RUNNING", "AWAITING_APPROVAL");
  private static final ObjectMapper JSON = new ObjectMapper();

  private CamundaDemo() {}

  static int run(StackSession stack, PrintWriter out, LifecycleSpec spec, Path dataset,
      boolean autoApprove, String approver) throws InterruptedException {
    out.println("1. stack");
    CamundaConnection camunda = stack.get(CamundaConnection.class);
    out.println("   Camunda   " + camunda.where() + " (processes model-lifecycle, model-rollback, model-retrain deployed)");
    stack.get(CamundaWorkers.class).started().forEach(p -> out.println("   jobs      " + p));
    LifecycleRuns runs = new LifecycleRuns(stack.get(RegistryDatabase.class).dataSource());
    out.flush();

    out.println("2. lifecycle");
    String runId = stack.get(LifecycleService.class).start(LocalOperations.actor(stack, DemoCommand.SUBMITTER),
        spec.onEngine("camunda"));
    out.println("   started " + runId + " (BPMN model-lifecycle on Zeebe) on " + dataset);
    out.flush();
    RunSummary run = await(runs, runId, Duration.ofHours(6), Set.of("RUNNING"),
        trainingSteps(stack.get(CamundaWorkers.class), runId, out));
    printCandidates(stack, out, runId);
    if (run.status().equals("AWAITING_APPROVAL")) {
      out.println("3. approval: the staged version waits for a reviewer (message approval-decided, key " + runId + ")");
      if (autoApprove) {
        out.println("   approving as " + approver);
        stack.get(ApprovalService.class).decide(LocalOperations.actor(stack, approver), runId, true,
            "demo --auto-approve");
      } else {
        out.println("   approve from another terminal (this process hosts the embedded engine):");
        out.println("   ./promoter approve " + runId + " --as reviewer --reason \"metrics look right\"");
      }
      out.flush();
      run = await(runs, runId, Duration.ofDays(8), OPEN, () -> { });
    }
    JsonNode result = result(run);
    out.println("4. result: " + run.status() + ": " + result.path("verdict").asText());
    if (run.status().equals("PROMOTED")) {
      out.println("   " + DemoCommand.MODEL + "@production is v" + result.path("version").asInt());
    }
    out.println("5. retraining: model-retrain.bpmn's timer start event (cron in the file) starts model-lifecycle");
    return run.status().equals("PROMOTED") ? 0 : 1;
  }

  // Prints each candidate's step when it changes ("tree 4/10"), as the Temporal demo prints its
  // heartbeats; the workers are this process's, so their steps are here.
  private static Runnable trainingSteps(CamundaWorkers workers, String runId, PrintWriter out) {
    Map<String, String> shown = new java.util.HashMap<>();
    return () -> {
      new java.util.TreeMap<>(workers.trainingSteps().of(runId)).forEach((candidate, step) -> {
        if (!step.equals(shown.put(candidate, step))) {
          out.printf("   %-8s on cpu %s%n", candidate, step); // only the CPU pool trains k-mer models
        }
      });
      out.flush();
    };
  }

  /** Polls the run while its status is in {@code waitWhile}, running {@code eachPoll} meanwhile. */
  private static RunSummary await(LifecycleRuns runs, String runId, Duration timeout, Set<String> waitWhile,
      Runnable eachPoll) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      RunSummary run = runs.get(runId);
      if (!waitWhile.contains(run.status()) || System.nanoTime() > deadline) {
        return run;
      }
      eachPoll.run();
      Thread.sleep(300);
    }
  }

  private static void printCandidates(StackSession stack, PrintWriter out, String runId) {
    for (Experiments.Candidate c : new Experiments(stack.get(RegistryDatabase.class).dataSource()).of(runId)) {
      Map<String, Double> m = c.metrics();
      out.printf("   %-8s %s: macro-F1 %.4f, fragments %.4f%n", c.candidate(), c.trainer(),
          m.getOrDefault("macro_f1", Double.NaN), m.getOrDefault("fragments.macro_f1", Double.NaN));
    }
    out.flush();
  }

  private static JsonNode result(RunSummary run) {
    try {
      return run.resultJson() == null ? JSON.createObjectNode() : JSON.readTree(run.resultJson());
    } catch (java.io.IOException e) {
      return JSON.createObjectNode();
    }
  }
}
