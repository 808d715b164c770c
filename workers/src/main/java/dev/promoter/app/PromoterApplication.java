package dev.promoter.app;

import dev.promoter.identity.IdentityConfiguration;
import dev.promoter.service.ServiceConfiguration;
import dev.promoter.stack.StackConfiguration;
import dev.promoter.web.WebConfiguration;
import dev.promoter.worker.WorkerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Promoter's Spring application. The registry's data source and migrations are ours (the stack
 * decides between embedded and external Postgres), so Boot's own are switched off.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import({dev.promoter.camunda.CamundaConfiguration.class, StackConfiguration.class, IdentityConfiguration.class, WorkerConfiguration.class,
    ServiceConfiguration.class, WebConfiguration.class})
public class PromoterApplication {

  /** Starts a context for a CLI command: no web server, beans created only when asked for. */
  public static ConfigurableApplicationContext startForCommand(String... args) {
    SpringApplication app = new SpringApplication(PromoterApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setLazyInitialization(true);
    app.setLogStartupInfo(false);
    return app.run(args);
  }

  /**
   * Starts the long-running server: the same beans, plus the REST API on
   * {@code PROMOTER_HTTP_ADDRESS:PROMOTER_HTTP_PORT}. Lazy too, so a CLI-only bean that nobody
   * asks for is never built.
   */
  public static ConfigurableApplicationContext startServer(String... args) {
    SpringApplication app = new SpringApplication(PromoterApplication.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    app.setLazyInitialization(true);
    app.setLogStartupInfo(false);
    return app.run(args);
  }
}
