package dev.promoter.stack;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code promoter.*} (see application.yml for each one's environment variable).
 *
 * @param mode {@code dev} starts what is not configured; {@code production} starts nothing
 * @param home folder for local state: embedded Postgres data, artifacts
 * @param temporal where Temporal is
 * @param postgres where the registry database is
 * @param artifacts where artifacts are stored
 */
@ConfigurationProperties(prefix = "promoter")
public record PromoterProperties(
    String mode, String home, Temporal temporal, Postgres postgres, Artifacts artifacts) {

  // Paths are bound as strings and resolved here against the working directory: Spring's Path
  // conversion goes through the resource loader, and in `promoter server` that is the servlet
  // context's, which would turn "." into Tomcat's temporary docbase.

  /** The home folder, absolute. */
  public Path homePath() {
    return Path.of(home).toAbsolutePath().normalize();
  }

  /** Temporal connection settings. */
  public record Temporal(String address, String namespace, boolean tls, String tlsCert,
      String tlsKey, String apiKey, int embeddedPort) {

    /** Whether an external Temporal is configured. */
    public boolean external() {
      return address != null && !address.isBlank();
    }
  }

  /** Registry database settings. */
  public record Postgres(String url, String user, String password, int embeddedPort, int poolSize) {

    /** Whether an external Postgres is configured. */
    public boolean external() {
      return url != null && !url.isBlank();
    }
  }

  /**
   * Artifact store settings.
   *
   * @param root a folder, or {@code s3://BUCKET[/PREFIX]} for an S3-compatible bucket
   * @param s3Endpoint an S3-compatible server's URL (MinIO, ...); empty for AWS S3 itself
   * @param s3Region the bucket's region; empty for the SDK's default ({@code AWS_REGION}, else us-east-1)
   * @param s3PathStyle path-style addressing, which most S3-compatible servers need
   */
  public record Artifacts(String root, String s3Endpoint, String s3Region, Boolean s3PathStyle) {
    /** Whether the store is a bucket. */
    public boolean s3() {
      return root != null && root.startsWith("s3://");
    }
  }

  /** Whether this is production mode, where nothing may be started in-process. */
  public boolean production() {
    return "production".equalsIgnoreCase(mode) || "prod".equalsIgnoreCase(mode);
  }

  /** Refuses a configuration that cannot work, naming what is missing. */
  public PromoterProperties validated() {
    if (!production() && !"dev".equalsIgnoreCase(mode)) {
      throw new StackException("PROMOTER_MODE is '" + mode + "': use 'dev' or 'production'");
    }
    if (production() && !temporal.external()) {
      throw new StackException("production mode needs TEMPORAL_ADDRESS (host:port of the Temporal frontend)");
    }
    if (production() && !postgres.external()) {
      throw new StackException("production mode needs POSTGRES_URL (jdbc:postgresql://host:5432/db)");
    }
    return this;
  }

  /** The artifact store's root folder (when it is not a bucket). */
  public Path artifactRoot() {
    boolean configured = artifacts != null && artifacts.root() != null
        && !artifacts.root().isBlank();
    return configured ? Path.of(artifacts.root()).toAbsolutePath().normalize()
        : homePath().resolve("artifacts");
  }
}
