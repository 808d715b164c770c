package dev.promoter.camunda;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.bpmn.engine.CamundaConnection;
import dev.promoter.bpmn.engine.CamundaLifecycles;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.stack.PromoterProperties;
import dev.promoter.stack.StackException;
import dev.promoter.identity.IdentityService;
import dev.promoter.worker.WorkerConfiguration;
import dev.promoter.worker.WorkerProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Camunda 8, lazy like the rest of the stack: nothing connects (or starts the embedded engine)
 * until a Camunda run is started or decided, or this process serves Camunda job workers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CamundaProperties.class)
public class CamundaConfiguration {

  @Bean(destroyMethod = "close")
  @Lazy
  CamundaConnection camundaConnection(CamundaProperties camunda, PromoterProperties promoter) {
    try {
      return CamundaConnection.connect(camunda.settings(), !promoter.validated().production());
    } catch (IllegalStateException e) {
      throw new StackException(e.getMessage());
    }
  }

  @Bean
  @Lazy
  CamundaLifecycles camundaLifecycles(CamundaConnection connection) {
    return new CamundaLifecycles(connection.client());
  }

  @Bean(destroyMethod = "close")
  @Lazy
  CamundaWorkers camundaWorkers(CamundaConnection connection, WorkerProperties props,
      RegistryDatabase database, ArtifactStore store, Clock clock, PromoterProperties promoter,
      IdentityService identity) {
    // the same dev users as the Temporal pools seed, for a process that serves only Camunda
    WorkerConfiguration.seedDevUsers(promoter, props, identity);
    return new CamundaWorkers(connection.client(), props, database, store, clock);
  }
}
