package dev.promoter.worker;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.identity.IdentityService;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.stack.PromoterProperties;
import dev.promoter.stack.TemporalConnection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Wires the pools and, in dev mode, seeds an empty registry's users. Lazy, like the stack: only
 * what a command asks for.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WorkerProperties.class, PoolTuning.class})
public class WorkerConfiguration {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkerConfiguration.class);
  /** The dev token file's name under the Promoter home folder. */
  public static final String DEV_TOKEN_FILE = "dev-tokens";

  @Bean
  GpuPool gpuPool() {
    return new CnnGpuPool();
  }

  @Bean(destroyMethod = "close")
  @Lazy
  WorkerPools workerPools(TemporalConnection temporal, WorkerProperties props, PoolTuning tuning,
      RegistryDatabase database, ArtifactStore store, ObjectProvider<GpuPool> gpuPool,
      PromoterProperties promoter, IdentityService identity,
      ObjectProvider<dev.promoter.service.ScheduleService> schedules,
      ObjectProvider<dev.promoter.service.DriftService> drift) {
    seedDevUsers(promoter, props, identity);
    WorkerPools pools = new WorkerPools(temporal.client(), props, tuning,
        !promoter.temporal().external(), database, store, gpuPool.getIfAvailable(() -> GpuPool.NONE));
    // runs a restarted embedded server forgot (its Temporal state is in memory) end as LOST
    new RunReconciler(new LifecycleRuns(database.dataSource()))
        .reconcile(runId -> workflowIsOpen(temporal.client(), runId));
    // and schedules whose cron-workflow loop went with it start again
    schedules.getObject().reconcile(id -> workflowIsOpen(temporal.client(), id))
        .forEach(name -> log.info("restarted the loop of retraining schedule {}", name));
    // and drift monitors
    drift.getObject().reconcile(id -> workflowIsOpen(temporal.client(), id))
        .forEach(model -> log.info("restarted the drift monitor of {}", model));
    return pools;
  }

  /** Whether the workflow with this id is open; false when Temporal does not know it. */
  public static boolean workflowIsOpen(io.temporal.client.WorkflowClient client, String workflowId) {
    try {
      return client.newUntypedWorkflowStub(workflowId).describe().getStatus()
          == io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (io.temporal.client.WorkflowNotFoundException e) {
      return false;
    } catch (io.grpc.StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Roles come from the registry, never from this process's environment: PROMOTER_PRINCIPALS
   * only fills an empty dev registry (tokens in {@code <home>/dev-tokens}) and is otherwise
   * ignored. Production seeds nothing; its users are added with {@code promoter users add}.
   *
   * @return the users created
   */
  public static List<String> seedDevUsers(PromoterProperties promoter, WorkerProperties props,
      IdentityService identity) {
    if (promoter.production()) {
      return List.of();
    }
    return identity.seedDev(props.principalRoles(), promoter.homePath().resolve(DEV_TOKEN_FILE));
  }
}
