package dev.promoter.cli;

import dev.promoter.client.PromoterClient;
import dev.promoter.client.ScheduleHandle;
import dev.promoter.service.Actor;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.LifecycleService;
import dev.promoter.service.LifecycleSpec;
import dev.promoter.service.ScheduleService;
import dev.promoter.stack.TemporalConnection;
import dev.promoter.worker.WorkerPools;
import dev.promoter.workflows.lifecycle.CandidateProgress;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import dev.promoter.workflows.lifecycle.LifecycleResult;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import dev.promoter.workflows.retrain.OverlapPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code promoter demo}: the whole lifecycle on the embedded stack and the bundled rRNA data.
 * Three candidates train in parallel, the best is registered and staged, a reviewer approves
 * (from another terminal, or with {@code --auto-approve}), it is promoted, and a weekly
 * retraining schedule is registered.
 */
@Command(name = "demo", description = "Run the whole model lifecycle on the embedded stack and the bundled rRNA data.")
final class DemoCommand implements Callable<Integer> {
  static final String MODEL = "rrna-classifier";
  static final String SUBMITTER = "demo";
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--auto-approve", description = "approve as --as instead of waiting for someone to")
  boolean autoApprove;

  @Option(names = "--as", defaultValue = "reviewer", paramLabel = "USER",
      description = "the approver for --auto-approve (default: ${DEFAULT-VALUE}); the run is submitted by 'demo'")
  String approver;

  @Option(names = "--engine", defaultValue = "temporal", paramLabel = "ENGINE",
      description = "temporal, or camunda for the BPMN processes on Zeebe (default: ${DEFAULT-VALUE})")
  String engine;

  @Option(names = "--data", paramLabel = "DIR", description = "dataset folder (default: the bundled data/rrna)")
  String data;

  @Option(names = "--candidates", split = ",", defaultValue = "logreg,xgboost,forest",
      description = "trainers to compare (default: ${DEFAULT-VALUE})")
  List<String> candidates;

  @Option(names = "--param", paramLabel = "CANDIDATE.KEY=VALUE",
      description = "a trainer parameter, e.g. cnn.epochs=3 or forest.trees=100")
  List<String> params = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!engine.equals("temporal") && !engine.equals("camunda")) {
      throw new BadInputException("--engine is '" + engine + "': use temporal or camunda");
    }
    Path dataset = Path.of(data != null ? data : System.getProperty("promoter.repo", ".") + "/data/rrna")
        .toAbsolutePath().normalize();
    // the demo's own dataset is the data root's one folder: the same checks as any request
    try (StackSession stack = StackSession.ownStack(
        "--promoter.workers.data-root=" + (dataset.getParent() == null ? dataset : dataset.getParent()))) {
      if (engine.equals("camunda")) {
        return CamundaDemo.run(stack, out, request(dataset.getFileName().toString()), dataset,
            autoApprove, approver);
      }
      out.println("1. stack");
      TemporalConnection temporal = stack.get(TemporalConnection.class);
      out.println("   Temporal  " + temporal.address() + " (embedded test server unless TEMPORAL_ADDRESS is set)");
      WorkerPools pools = stack.get(WorkerPools.class);
      pools.started().forEach(p -> out.println("   polling   " + p));
      PromoterClient client = stack.get(PromoterClient.class);
      Actor submitter = LocalOperations.actor(stack, SUBMITTER);
      out.flush();

      out.println("2. lifecycle");
      LifecycleSpec request = request(dataset.getFileName().toString());
      String runId = stack.get(LifecycleService.class).start(submitter, request);
      out.println("   started " + runId + " on " + dataset + " with " + candidates);
      out.flush();
      LifecycleProgress progress = follow(client, runId, out);
      if (progress.status() == LifecycleStatus.AWAITING_APPROVAL) {
        out.println("3. approval: v" + progress.version() + " is staged and waits for a reviewer");
        if (autoApprove) {
          out.println("   approving as " + approver);
          stack.get(ApprovalService.class).decide(LocalOperations.actor(stack, approver), runId, true,
              "demo --auto-approve");
        } else {
          out.println("   approve from another terminal (this process hosts the embedded stack):");
          out.println("   ./promoter approve " + runId + " --as reviewer --reason \"metrics look right\"");
        }
        out.flush();
      }
      LifecycleResult result = client.awaitResult(runId, Duration.ofDays(8));
      out.println("4. result: " + result.status() + ": " + result.verdict());
      if (result.status() == LifecycleStatus.PROMOTED) {
        printMetrics(out, result);
      }

      out.println("5. retraining");
      ScheduleService schedules = stack.get(ScheduleService.class);
      String name = MODEL + "-weekly";
      ScheduleService.ScheduleView schedule = schedules.list().stream()
          .filter(s -> s.name().equals(name)).findFirst().orElse(null);
      if (schedule == null) {
        schedule = schedules.create(submitter, name, "0 2 * * SUN", OverlapPolicy.SKIP, request);
      }
      out.println("   " + ScheduleCommand.describe(new ScheduleHandle(schedule.name(), schedule.mechanism()),
          schedule.cron(), OverlapPolicy.valueOf(schedule.overlap())) + "; next run " + schedule.nextFireTime());
      return result.status() == LifecycleStatus.PROMOTED ? 0 : 1;
    } catch (TimeoutException e) {
      out.println("the run did not end in time");
      return 1;
    }
  }

  private LifecycleSpec request(String dataset) {
    List<LifecycleSpec.Candidate> specs = CandidateOptions.candidates(candidates, params).stream()
        .map(c -> new LifecycleSpec.Candidate(c.name(), c.trainer(), null, c.params())).toList();
    return new LifecycleSpec(MODEL, dataset, specs, "macro_f1", 0.9, 0.0,
        new LifecycleSpec.Approval(Duration.ofDays(7)));
  }

  // Prints each candidate's steps while it trains ("tree 4/10") and its result once it finishes,
  // until the run waits for approval or ends.
  private static LifecycleProgress follow(PromoterClient client, String runId, PrintWriter out)
      throws InterruptedException {
    java.util.Set<String> reported = new java.util.HashSet<>();
    Map<String, String> steps = new java.util.HashMap<>();
    while (true) {
      LifecycleProgress p = client.progress(runId);
      for (CandidateProgress c : p.candidates()) {
        if (c.state().equals("TRAINING") && c.detail() != null && !c.detail().equals(steps.get(c.name()))) {
          steps.put(c.name(), c.detail());
          out.printf("   %-8s on %-3s %s%n", c.name(), c.taskQueue(), c.detail());
        }
      }
      p.candidates().stream().filter(c -> !c.state().equals("TRAINING") && reported.add(c.name()))
          .forEach(c -> out.printf("   %-8s on %-3s %s%s%n", c.name(), c.taskQueue(), c.state(),
              c.metrics().isEmpty() ? (c.error() == null ? "" : ": " + c.error())
                  : String.format(": macro-F1 %.4f, fragments %.4f", c.metrics().get("macro_f1"),
                      c.metrics().getOrDefault("fragments.macro_f1", Double.NaN))));
      out.flush();
      if (p.status() != LifecycleStatus.RUNNING || !client.isOpen(runId)) {
        if (p.best() != null) {
          out.println("   best: " + p.verdict());
        }
        return p;
      }
      Thread.sleep(500);
    }
  }

  private static void printMetrics(PrintWriter out, LifecycleResult result) {
    out.println("   " + MODEL + "@production is v" + result.version());
    Map<String, Double> m = new TreeMap<>(result.metrics());
    out.printf("   accuracy %.4f, macro-F1 %.4f, fragments macro-F1 %.4f%n", m.get("accuracy"),
        m.get("macro_f1"), m.getOrDefault("fragments.macro_f1", Double.NaN));
    m.entrySet().stream().filter(e -> e.getKey().startsWith("f1."))
        .forEach(e -> out.printf("     F1 %-9s %.4f%n", e.getKey().substring(3), e.getValue()));
  }
}
