package dev.promoter.workflows.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.workflows.TaskQueues;
import dev.promoter.workflows.activities.EvaluationActivities;
import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingActivities;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cron fallback on the time-skipping server. Each retraining run waits 36 hours for an
 * approval that never comes, so daily fires overlap and the policy decides.
 */
class RetrainScheduleWorkflowTest {
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void skipDropsFiresWhileARunIsGoing() {
    RetrainScheduleWorkflow schedule = start(OverlapPolicy.SKIP);
    // day 1 starts A (ends day 2 12:00); day 2 is skipped; day 3 starts B
    sleepUntil(day(3).plus(Duration.ofHours(1)));
    ScheduleState state = schedule.state();
    assertThat(state.started()).hasSize(2);
    assertThat(state.skipped()).isEqualTo(1);
    assertThat(times(state)).containsExactly(day(1), day(3));
  }

  @Test
  void bufferOneStartsTheWaitingFireAsSoonAsTheRunEnds() {
    RetrainScheduleWorkflow schedule = start(OverlapPolicy.BUFFER_ONE);
    sleepUntil(day(2).plus(Duration.ofHours(13)));
    ScheduleState state = schedule.state();
    // day 1 starts A; day 2's fire waits for A (ends day 2 12:00) and starts then
    assertThat(state.started()).hasSize(2);
    assertThat(state.skipped()).isZero();
    assertThat(state.running()).isEqualTo(state.started().get(1));
  }

  @Test
  void aBadCronExpressionFailsTheScheduleForGood() throws Exception {
    RetrainScheduleWorkflow schedule = start(OverlapPolicy.SKIP, "61 * * * *");
    Throwable failed = org.assertj.core.api.Assertions.catchThrowable(() -> io.temporal.client.WorkflowStub
        .fromTyped(schedule).getResult(30, java.util.concurrent.TimeUnit.SECONDS, Void.class));
    assertThat(failed).isInstanceOf(io.temporal.client.WorkflowFailedException.class)
        .cause().isInstanceOfSatisfying(io.temporal.failure.ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("BadInput");
          assertThat(f.getOriginalMessage()).contains("61");
        });
  }

  /**
   * Sleeps to a time of day, not for a duration: the fires are at midnight UTC and the test
   * starts at the wall clock's time, so "3 days and an hour" from a start after 23:00 UTC also
   * crossed day 4's fire (skipped twice: the test failed only in the last hour of a UTC day).
   */
  private void sleepUntil(Instant when) {
    env.sleep(Duration.between(Instant.ofEpochMilli(env.currentTimeMillis()), when));
  }

  private List<Instant> times(ScheduleState state) {
    return state.started().stream().map(id -> Instant.parse(id.substring(id.indexOf('/') + 1))).toList();
  }

  private Instant day(int n) {
    return Instant.ofEpochMilli(startMillis).truncatedTo(java.time.temporal.ChronoUnit.DAYS)
        .plus(Duration.ofDays(n));
  }

  private long startMillis;

  private RetrainScheduleWorkflow start(OverlapPolicy overlap) {
    return start(overlap, "@daily");
  }

  private RetrainScheduleWorkflow start(OverlapPolicy overlap, String cron) {
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(RetrainScheduleWorkflowImpl.class, ModelLifecycleWorkflowImpl.class);
    cpu.registerActivitiesImplementations(new QuietRegistry(), new Evaluation(), new Training());
    env.start();
    startMillis = env.currentTimeMillis();
    LifecycleRequest lifecycle = new LifecycleRequest("rrna", "data/rrna",
        List.of(new CandidateConfig("a", "logreg", "cpu", Map.of())), "macro_f1", 0.5, 0.0,
        new ApprovalPolicy("approver", Duration.ofHours(36)), "scheduler", null);
    RetrainScheduleWorkflow schedule = env.getWorkflowClient().newWorkflowStub(
        RetrainScheduleWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("schedule-rrna").setTaskQueue(TaskQueues.CPU).build());
    WorkflowClient.start(schedule::run,
        new RetrainScheduleRequest("schedule-rrna", cron, overlap, lifecycle, 100));
    return schedule;
  }

  static final class Training implements TrainingActivities {
    @Override
    public TrainedCandidate trainAndEvaluate(dev.promoter.workflows.activities.TrainingTask task) {
      return new TrainedCandidate("a", "logreg", "file:/a", "a".repeat(64), "tribuo",
          Map.of("macro_f1", 0.99), Map.of(), "{}", "d");
    }
  }

  static final class Evaluation implements EvaluationActivities {
    @Override
    public Map<String, Double> evaluateVersion(String modelName, int version, String dataset) {
      return Map.of("macro_f1", 0.0);
    }

    @Override
    public String smokeCheck(String modelName, int version, String dataset) {
      return null;
    }
  }

  /** Accepts every write; nobody ever approves. */
  static final class QuietRegistry implements RegistryActivities {
    private int versions;

    public void runStarted(String r, String k, String m, String s, String i) {}

    public void runFinished(String r, String s, String j) {}

    public void recordCandidate(String r, TrainedCandidate c) {}

    public Integer aliasHolder(String m, String a) {
      return null;
    }

    public synchronized int register(String k, String m, TrainedCandidate c, String a, String r) {
      return ++versions;
    }

    public void promote(String m, int v, String a, String who, String why, Integer e, boolean c) {}

    public int rollback(String m, String a, String who, String why, int e) {
      return e - 1;
    }

    public void withdraw(String m, int v, String a, String who, String why) {}

    public void reject(String m, int v, String who, String why) {}

    public List<String> openApproval(String r, String m, int v, String a, String by, String role, long exp) {
      return List.of("reviewer");
    }

    public void decideApproval(String r, String d, String a, String why) {}

    public Map<String, List<String>> principals() {
      return Map.of();
    }
  }
}
