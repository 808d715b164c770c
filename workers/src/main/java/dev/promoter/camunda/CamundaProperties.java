package dev.promoter.camunda;

import dev.promoter.bpmn.engine.CamundaSettings;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code promoter.camunda.*} (environment variables in application.yml).
 *
 * @param engines the engines this process serves: {@code temporal}, and {@code camunda} to start
 *     (dev) or reach (production) Camunda and run its job workers (PROMOTER_ENGINES)
 * @param grpcAddress a self-managed cluster's gateway (CAMUNDA_GRPC_ADDRESS)
 * @param restAddress its REST API (CAMUNDA_REST_ADDRESS)
 * @param clusterId a SaaS cluster (CAMUNDA_CLUSTER_ID)
 * @param region its region (CAMUNDA_CLUSTER_REGION)
 * @param clientId OAuth client (CAMUNDA_CLIENT_ID)
 * @param clientSecret OAuth secret (CAMUNDA_CLIENT_SECRET)
 * @param embeddedPort the embedded engine's port in dev mode (PROMOTER_ZEEBE_PORT)
 * @param jobThreads jobs this process's workers run at once (PROMOTER_CAMUNDA_JOB_THREADS; 0: 8)
 */
@ConfigurationProperties(prefix = "promoter.camunda")
public record CamundaProperties(String engines, String grpcAddress, String restAddress,
    String clusterId, String region, String clientId, String clientSecret, int embeddedPort, int jobThreads) {

  /** The engines, parsed. */
  public Set<String> engineSet() {
    return engines == null ? Set.of("temporal") : Arrays.stream(engines.split(","))
        .map(String::trim).filter(e -> !e.isEmpty()).collect(Collectors.toSet());
  }

  /** Whether this process serves Camunda runs. */
  public boolean enabled() {
    return engineSet().contains("camunda");
  }

  /** Connection settings for the bpmn module. */
  public CamundaSettings settings() {
    return new CamundaSettings(grpcAddress, restAddress, clusterId, region, clientId, clientSecret,
        embeddedPort == 0 ? 26500 : embeddedPort, jobThreads == 0 ? 8 : jobThreads);
  }
}
