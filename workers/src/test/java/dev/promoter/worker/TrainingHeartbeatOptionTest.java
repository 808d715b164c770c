package dev.promoter.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.cli.StackProperties;
import dev.promoter.stack.EmbeddedTemporalServer;
import dev.promoter.stack.PromoterProperties;
import dev.promoter.stack.TemporalConnection;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingActivities;
import dev.promoter.workflows.activities.TrainingTask;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worker's training heartbeat timeout ({@code promoter.pools.training-heartbeat-timeout})
 * wins over the 2 minutes the workflow code asks for, and only for training: the scheduled
 * activities in the history carry it.
 */
class TrainingHeartbeatOptionTest {

  /** Trains once and records once, with the lifecycle's own kind of stubs. */
  @WorkflowInterface
  public interface TrainOnce {
    /** Returns the candidate's name. */
    @WorkflowMethod
    String train();
  }

  /** Stubs as the lifecycle builds them: a 2-minute heartbeat timeout on training. */
  public static class TrainOnceImpl implements TrainOnce {
    private final TrainingActivities training = Workflow.newActivityStub(TrainingActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(5))
            .setHeartbeatTimeout(Duration.ofMinutes(2)).build());

    @Override
    public String train() {
      return training.trainAndEvaluate(new TrainingTask("run", "m", "d",
          new CandidateConfig("c", "logreg", "cpu", Map.of()))).candidate();
    }
  }

  @Test
  void theWorkersHeartbeatTimeoutIsTheOneScheduled() throws Exception {
    int port = StackProperties.freePort();
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.startOrAttach(port);
        TemporalConnection temporal = TemporalConnection.connect(server.address(),
            new PromoterProperties.Temporal("", "default", false, null, null, null, port))) {
      WorkflowClient client = temporal.client();
      WorkerFactory factory = WorkerFactory.newInstance(client);
      PoolTuning tuning = new PoolTuning(null, Duration.ofSeconds(6), 0);
      var worker = factory.newWorker("train", WorkerPools.cpuOptions(tuning, true));
      worker.registerWorkflowImplementationTypes(WorkerPools.workflowOptions(tuning), TrainOnceImpl.class);
      worker.registerActivitiesImplementations((TrainingActivities) task -> new TrainedCandidate(
          task.candidate().name(), "logreg", "file:///x", "0".repeat(64), "tribuo", Map.of(), Map.of(), "{}", "d"));
      factory.start();
      try {
        TrainOnce run = client.newWorkflowStub(TrainOnce.class,
            WorkflowOptions.newBuilder().setTaskQueue("train").setWorkflowId("train-once").build());
        assertThat(run.train()).isEqualTo("c");
        HistoryEvent scheduled = client.fetchHistory("train-once").getEvents().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).findFirst().orElseThrow();
        assertThat(scheduled.getActivityTaskScheduledEventAttributes().getActivityType().getName())
            .isEqualTo(TrainingActivities.TRAIN_AND_EVALUATE);
        assertThat(scheduled.getActivityTaskScheduledEventAttributes().getHeartbeatTimeout().getSeconds()).isEqualTo(6);
      } finally {
        factory.shutdownNow();
      }
    }
  }
}
