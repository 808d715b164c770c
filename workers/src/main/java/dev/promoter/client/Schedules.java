package dev.promoter.client;

import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflow;
import dev.promoter.workflows.retrain.CronSchedule;
import dev.promoter.workflows.retrain.OverlapPolicy;
import dev.promoter.workflows.retrain.RetrainScheduleRequest;
import dev.promoter.workflows.retrain.RetrainScheduleWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import java.time.Duration;
import java.util.List;

/**
 * Retraining schedules: the Temporal Schedules API where the server has it, and the
 * {@link RetrainScheduleWorkflow} loop where it answers UNIMPLEMENTED (the embedded test
 * server). Both take the same cron, overlap policy and catch-up rule: a missed time more than a
 * minute old is not replayed.
 */
final class Schedules {
  private static final Duration CATCH_UP = Duration.ofMinutes(1);
  private final WorkflowClient client;
  private final String cpuQueue;

  Schedules(WorkflowClient client, String cpuQueue) {
    this.client = client;
    this.cpuQueue = cpuQueue;
  }

  ScheduleHandle create(String name, String cron, OverlapPolicy overlap, LifecycleRequest run) {
    CronSchedule.parse(cron);
    String id = name;
    try {
      ScheduleClient schedules = ScheduleClient.newInstance(client.getWorkflowServiceStubs(),
          ScheduleClientOptions.newBuilder().setNamespace(client.getOptions().getNamespace()).build());
      schedules.createSchedule(id, schedule(id, cron, overlap, run), ScheduleOptions.newBuilder().build());
      return new ScheduleHandle(id, "temporal-schedule");
    } catch (RuntimeException e) {
      if (!unimplemented(e)) {
        throw e;
      }
    }
    RetrainScheduleWorkflow loop = client.newWorkflowStub(RetrainScheduleWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(cpuQueue).build());
    try {
      WorkflowClient.start(loop::run, new RetrainScheduleRequest(id, cron, overlap, run, 100));
    } catch (io.temporal.client.WorkflowExecutionAlreadyStarted e) {
      throw new PromoterClientException(PromoterClientException.Kind.REFUSED,
          "schedule '" + id + "' already exists", e);
    }
    return new ScheduleHandle(id, "cron-workflow");
  }

  /** Deletes a schedule: the Temporal schedule, or the cron workflow's loop. Runs already started go on. */
  void delete(String id, String actor) {
    try {
      ScheduleClient schedules = ScheduleClient.newInstance(client.getWorkflowServiceStubs(),
          ScheduleClientOptions.newBuilder().setNamespace(client.getOptions().getNamespace()).build());
      schedules.getHandle(id).delete();
      return;
    } catch (RuntimeException e) {
      if (!unimplemented(e) && !notFound(e)) {
        throw e;
      }
    }
    try {
      // the loop starts its lifecycle runs with ParentClosePolicy ABANDON: they finish
      client.newUntypedWorkflowStub(id).terminate("schedule deleted by " + actor);
    } catch (io.temporal.client.WorkflowNotFoundException e) {
      // already gone (a restarted dev server): the registry row is all there is to delete
    }
  }

  private static boolean notFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return true;
      }
    }
    return false;
  }

  private Schedule schedule(String id, String cron, OverlapPolicy overlap, LifecycleRequest run) {
    return Schedule.newBuilder()
        .setAction(ScheduleActionStartWorkflow.newBuilder()
            .setWorkflowType(ModelLifecycleWorkflow.class)
            .setArguments(run)
            .setOptions(WorkflowOptions.newBuilder().setWorkflowId(id + "-run").setTaskQueue(cpuQueue).build())
            .build())
        .setSpec(ScheduleSpec.newBuilder().setCronExpressions(List.of(cron)).build())
        .setPolicy(SchedulePolicy.newBuilder()
            .setOverlap(overlap == OverlapPolicy.SKIP
                ? ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP
                : ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE)
            .setCatchupWindow(CATCH_UP)
            .build())
        .build();
  }

  static boolean unimplemented(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return true;
      }
    }
    return false;
  }
}
