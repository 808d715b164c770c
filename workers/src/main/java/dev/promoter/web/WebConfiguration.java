package dev.promoter.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The web side, only in a process that serves HTTP ({@code promoter server}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Import({SecurityConfiguration.class, OperationsConfiguration.class, IdentityAdapters.class,
    ProblemAdvice.class, RoutingProblemAdvice.class, LifecycleController.class, ApprovalController.class,
    ModelController.class,
    ScheduleController.class, UserController.class, ServingController.class, DriftController.class,
    PredictDoorConfiguration.class, HttpThreadsConfiguration.class,
    dev.promoter.ui.UiConfiguration.class, dev.promoter.serving.ReplicaConfiguration.class})
public class WebConfiguration {

  /** The OpenAPI document says how to authenticate: a bearer token on every /api call. */
  @org.springframework.context.annotation.Bean
  io.swagger.v3.oas.models.OpenAPI promoterOpenApi() {
    return new io.swagger.v3.oas.models.OpenAPI()
        .info(new io.swagger.v3.oas.models.info.Info().title("Promoter API").version("v1")
            .description("Model lifecycles on Temporal: start, follow, approve, promote, roll back."))
        .components(new io.swagger.v3.oas.models.Components().addSecuritySchemes("bearer",
            new io.swagger.v3.oas.models.security.SecurityScheme()
                .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                .description("a Promoter API token (promoter token create) or an OIDC access token")))
        .addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("bearer"));
  }
}
