package dev.promoter.worker;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.registry.Principals;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.stack.TemporalConnection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Wires the pools and seeds the principals. Lazy, like the stack: only what a command asks for. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerConfiguration {

  @Bean
  GpuPool gpuPool() {
    return new CnnGpuPool();
  }

  @Bean(destroyMethod = "close")
  @Lazy
  WorkerPools workerPools(TemporalConnection temporal, WorkerProperties props,
      RegistryDatabase database, ArtifactStore store, ObjectProvider<GpuPool> gpuPool) {
    new Principals(database.dataSource()).seed(props.principalRoles());
    return new WorkerPools(temporal.client(), props, database, store, gpuPool.getIfAvailable(() -> GpuPool.NONE));
  }
}
