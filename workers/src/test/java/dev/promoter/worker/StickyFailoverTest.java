package dev.promoter.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.cli.StackProperties;
import dev.promoter.stack.EmbeddedTemporalServer;
import dev.promoter.stack.PromoterProperties;
import dev.promoter.stack.TemporalConnection;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A worker that dies while it caches a run must not strand the run on the embedded Temporal
 * test server. That server routes a cached run's next task (and every query) to the dying
 * worker's sticky queue and, unlike a Temporal cluster, never times it out, nor does it honour
 * a worker's shutdown: the run and its queries then hang for ever. The pools therefore turn
 * sticky execution off there ({@link PoolTuning#stickyTimeout(boolean)}), and this test proves a
 * second worker takes a run over after the first is gone.
 */
class StickyFailoverTest {

  /** Waits for a signal; answers a query. */
  @WorkflowInterface
  public interface Gate {
    /** Returns once opened. */
    @WorkflowMethod
    String pass();

    /** Opens the gate. */
    @SignalMethod
    void open();

    /** Whether the gate is open. */
    @QueryMethod
    boolean isOpen();
  }

  /** The gate. */
  public static class GateImpl implements Gate {
    private boolean open;

    @Override
    public String pass() {
      Workflow.await(() -> open);
      return "passed";
    }

    @Override
    public void open() {
      open = true;
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }

  @Test
  void theEmbeddedServerDefaultTurnsStickyExecutionOff() {
    assertThat(PoolTuning.defaults().stickyTimeout(true)).isZero();
    assertThat(PoolTuning.defaults().stickyTimeout(false)).isEqualTo(Duration.ofSeconds(5));
    assertThat(new PoolTuning(Duration.ofSeconds(2), null, 0).stickyTimeout(true)).isEqualTo(Duration.ofSeconds(2));
    assertThat(WorkerPools.cpuOptions(PoolTuning.defaults(), true).getStickyQueueScheduleToStartTimeout()).isZero();
  }

  @Test
  void aRunCachedByAWorkerThatIsGoneMovesToTheNextWorker() throws Exception {
    int port = StackProperties.freePort();
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.startOrAttach(port);
        TemporalConnection temporal = TemporalConnection.connect(server.address(),
            new PromoterProperties.Temporal("", "default", false, null, null, null, port))) {
      WorkflowClient client = temporal.client();
      WorkerFactory first = factory(client);
      Gate gate = client.newWorkflowStub(Gate.class,
          WorkflowOptions.newBuilder().setTaskQueue("gate").setWorkflowId("gate-1").build());
      WorkflowClient.start(gate::pass);
      awaitFirstTaskDone(client, "gate-1");
      first.shutdownNow(); // the test server ignores the shutdown, as it would a killed process
      first.awaitTermination(10, TimeUnit.SECONDS);

      WorkerFactory second = factory(client);
      try {
        assertThat(gate.isOpen()).isFalse(); // a query: answered by the second worker
        gate.open();
        assertThat(client.newUntypedWorkflowStub("gate-1").getResult(2, TimeUnit.MINUTES, String.class))
            .isEqualTo("passed");
      } finally {
        second.shutdownNow();
      }
    }
  }

  private static WorkerFactory factory(WorkflowClient client) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory.newWorker("gate", WorkerPools.cpuOptions(PoolTuning.defaults(), true))
        .registerWorkflowImplementationTypes(GateImpl.class);
    factory.start();
    return factory;
  }

  // the first worker has run the first workflow task, so it caches the run
  private static void awaitFirstTaskDone(WorkflowClient client, String id) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      boolean done = client.fetchHistory(id).getEvents().stream()
          .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
      if (done) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the first worker never ran the workflow's first task");
  }
}
