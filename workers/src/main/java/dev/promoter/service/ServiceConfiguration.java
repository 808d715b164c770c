package dev.promoter.service;

import dev.promoter.client.PromoterClient;
import dev.promoter.registry.Approvals;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.RetrainSchedules;
import dev.promoter.stack.TemporalConnection;
import dev.promoter.worker.WorkerProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The application services, lazy like the stack under them. */
@Configuration(proxyBeanMethods = false)
public class ServiceConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @Lazy
  PromoterClient promoterClient(TemporalConnection temporal, RegistryDatabase database,
      WorkerProperties workers) {
    return new PromoterClient(temporal.client(), database.dataSource(), workers.taskQueues());
  }

  @Bean
  @Lazy
  LifecycleRequests lifecycleRequests(WorkerProperties workers) {
    return new LifecycleRequests(workers.dataRoot(), workers.taskQueues());
  }

  @Bean
  @Lazy
  LifecycleService lifecycleService(@Lazy PromoterClient client, LifecycleRequests requests,
      RegistryDatabase database) {
    return new LifecycleService(client, requests, new LifecycleRuns(database.dataSource()));
  }

  @Bean
  @Lazy
  ApprovalService approvalService(@Lazy PromoterClient client, RegistryDatabase database, Clock clock) {
    return new ApprovalService(client, new Approvals(database.dataSource()), clock);
  }

  @Bean
  @Lazy
  ModelService modelService(ModelRegistry registry) {
    return new ModelService(registry);
  }

  @Bean
  @Lazy
  ScheduleService scheduleService(@Lazy PromoterClient client, LifecycleRequests requests,
      RegistryDatabase database, Clock clock) {
    return new ScheduleService(client, requests, new RetrainSchedules(database.dataSource()), clock);
  }
}
