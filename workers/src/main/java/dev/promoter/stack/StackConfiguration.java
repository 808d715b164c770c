package dev.promoter.stack;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
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

  @Bean(destroyMethod = "close")
  @Lazy
  EmbeddedPostgresServer embeddedPostgres(PromoterProperties props) {
    props.validated();
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
    return RegistryDatabase.open(server.jdbcUrl(), EmbeddedPostgresServer.USER, "", pg.poolSize());
  }

  @Bean
  @Lazy
  ModelRegistry modelRegistry(RegistryDatabase database) {
    return new ModelRegistry(database.dataSource());
  }

  @Bean
  @Lazy
  ArtifactStore artifactStore(PromoterProperties props) throws IOException {
    return new FileArtifactStore(props.artifactRoot());
  }

  @Bean(destroyMethod = "close")
  @Lazy
  EmbeddedTemporalServer embeddedTemporal(PromoterProperties props) {
    props.validated();
    return EmbeddedTemporalServer.startOrAttach(props.temporal().embeddedPort());
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
