package dev.promoter.serving;

import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.ServingReplicas;
import dev.promoter.registry.TrafficSplits;
import dev.promoter.service.ServingService;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * A process that serves HTTP is a serving replica: it reports from the start (not from its first
 * request), so a blue-green rollout sees it and it preloads what a warm split names.
 */
@Configuration(proxyBeanMethods = false)
public class ReplicaConfiguration {

  @Bean(destroyMethod = "close")
  @Lazy(false)
  ReplicaReporter replicaReporter(ServingService serving, ModelRegistry registry, RegistryDatabase database,
      Environment env, Clock clock) {
    // host and process, and a random tail so that a restarted process is a new replica
    String name = env.getProperty("promoter.serving.replica", hostName() + "-" + ProcessHandle.current().pid()
        + "-" + UUID.randomUUID().toString().substring(0, 8));
    return new ReplicaReporter(name, serving.served(), new TrafficSplits(database.dataSource()), registry,
        new ServingReplicas(database.dataSource()), ReplicaReporter.ReplicaSettings.from(env), clock).start();
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "replica";
    }
  }
}
