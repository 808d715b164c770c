package dev.promoter.bpmn.engine;

/**
 * Where Camunda 8 is. Self-managed: {@code grpcAddress} (and {@code restAddress}); SaaS: cluster
 * id, region, client id and secret. Neither: the dev stack's embedded engine on
 * {@code embeddedPort}, which production mode refuses.
 *
 * @param grpcAddress e.g. {@code http://zeebe:26500} (CAMUNDA_GRPC_ADDRESS)
 * @param restAddress e.g. {@code http://camunda:8080} (CAMUNDA_REST_ADDRESS)
 * @param clusterId a SaaS cluster (CAMUNDA_CLUSTER_ID)
 * @param region its region (CAMUNDA_CLUSTER_REGION)
 * @param clientId OAuth client id (CAMUNDA_CLIENT_ID)
 * @param clientSecret OAuth client secret (CAMUNDA_CLIENT_SECRET)
 * @param embeddedPort the embedded engine's loopback gRPC port (PROMOTER_ZEEBE_PORT)
 * @param jobThreads jobs this process's workers run at once (PROMOTER_CAMUNDA_JOB_THREADS); the
 *     client's default is one, so one training held every other job of the process, its
 *     candidates' other trainings included, until it ended
 */
public record CamundaSettings(String grpcAddress, String restAddress, String clusterId,
    String region, String clientId, String clientSecret, int embeddedPort, int jobThreads) {

  public CamundaSettings {
    if (jobThreads < 1) {
      throw new IllegalArgumentException("promoter.camunda.job-threads must be at least 1, not " + jobThreads);
    }
  }

  /** Whether a SaaS cluster is configured. */
  public boolean saas() {
    return clusterId != null && !clusterId.isBlank();
  }

  /** Whether a self-managed cluster is configured. */
  public boolean selfManaged() {
    return grpcAddress != null && !grpcAddress.isBlank();
  }

  /** Whether anything external is configured (then nothing embedded starts). */
  public boolean external() {
    return saas() || selfManaged();
  }

  /** A description for messages: which cluster. */
  public String where() {
    return saas() ? "Camunda SaaS cluster " + clusterId + " (" + region + ")"
        : selfManaged() ? "Camunda at " + grpcAddress : "the embedded Zeebe engine on 127.0.0.1:" + embeddedPort;
  }
}
