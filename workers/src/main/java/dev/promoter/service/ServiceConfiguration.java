package dev.promoter.service;

import dev.promoter.bpmn.engine.CamundaLifecycles;
import dev.promoter.client.PromoterClient;
import dev.promoter.registry.Approvals;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.RetrainSchedules;
import dev.promoter.stack.TemporalConnection;
import dev.promoter.worker.WorkerProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
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
      WorkerProperties workers,
      @org.springframework.beans.factory.annotation.Value("${promoter.approval.answer-within:PT60S}")
      java.time.Duration answerWithin) {
    return new PromoterClient(temporal.client(), database.dataSource(), workers.taskQueues(),
        answerWithin);
  }

  @Bean
  @Lazy
  LifecycleRequests lifecycleRequests(WorkerProperties workers) {
    return new LifecycleRequests(workers.dataRootPath(), workers.taskQueues());
  }

  @Bean
  @Lazy
  LifecycleService lifecycleService(ObjectProvider<PromoterClient> client, LifecycleRequests requests,
      RegistryDatabase database, ObjectProvider<CamundaLifecycles> camunda) {
    return new LifecycleService(client::getObject, requests, new LifecycleRuns(database.dataSource()),
        camunda::getObject);
  }

  @Bean
  @Lazy
  ApprovalService approvalService(ObjectProvider<PromoterClient> client, RegistryDatabase database, Clock clock,
      ObjectProvider<CamundaLifecycles> camunda) {
    return new ApprovalService(client::getObject, new Approvals(database.dataSource()),
        new LifecycleRuns(database.dataSource()), clock, camunda::getObject);
  }

  @Bean
  @Lazy
  UserService userService(dev.promoter.identity.IdentityService identity) {
    return new UserService(identity);
  }

  @Bean
  @Lazy
  ModelService modelService(ModelRegistry registry, RegistryDatabase database, LifecycleService lifecycles,
      ObjectProvider<PromoterClient> client, ObjectProvider<CamundaLifecycles> camunda) {
    return new ModelService(registry, new BlueGreenWakeups(new LifecycleRuns(database.dataSource()),
        lifecycles::rollout, client::getObject, camunda::getObject));
  }

  @Bean
  @Lazy
  ScheduleService scheduleService(ObjectProvider<PromoterClient> client, LifecycleRequests requests,
      RegistryDatabase database, Clock clock) {
    return new ScheduleService(client::getObject, requests, new RetrainSchedules(database.dataSource()), clock);
  }

  @Bean
  @Lazy
  DriftService driftService(ObjectProvider<PromoterClient> client, ModelRegistry registry, RegistryDatabase database) {
    return new DriftService(client::getObject, registry, new dev.promoter.registry.DriftMonitors(database.dataSource()),
        new dev.promoter.registry.DriftChecks(database.dataSource()));
  }

  @Bean(destroyMethod = "close")
  @Lazy
  dev.promoter.serving.PredictionWriter predictionWriter(RegistryDatabase database,
      org.springframework.core.env.Environment env, Clock clock,
      ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
    return new dev.promoter.serving.PredictionWriter(new dev.promoter.registry.PredictionLog(database.dataSource()),
        dev.promoter.serving.ServingSettings.from(env), clock,
        meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
        env.getProperty("promoter.serving.log-flush", java.time.Duration.class,
            dev.promoter.serving.PredictionWriter.DEFAULT_FLUSH));
  }

  @Bean
  @Lazy
  ServingService servingService(ModelRegistry registry, dev.promoter.artifact.ArtifactStore store,
      RegistryDatabase database, dev.promoter.serving.PredictionWriter writer,
      org.springframework.core.env.Environment env, Clock clock,
      ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
    dev.promoter.serving.ServingSettings settings = dev.promoter.serving.ServingSettings.from(env);
    dev.promoter.deploy.RegisteredModels models = new dev.promoter.deploy.RegisteredModels(registry, store,
        new dev.promoter.gpu.inference.DjlModelLoader());
    io.micrometer.core.instrument.MeterRegistry meterRegistry =
        meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
    return new ServingService(registry, new dev.promoter.serving.ServedModels(registry, models, settings, clock),
        writer, new dev.promoter.registry.PredictionLog(database.dataSource()),
        new dev.promoter.registry.TrafficSplits(database.dataSource()),
        new dev.promoter.serving.OffPath(meterRegistry), settings, meterRegistry, clock);
  }
}
