package dev.promoter.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The REST API's own beans, for slice tests that mock the services under them. */
@Configuration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemAdvice.class, RoutingProblemAdvice.class, LifecycleController.class,
    ApprovalController.class, ModelController.class, ScheduleController.class, UserController.class,
    ServingController.class, DriftController.class})
class ApiSlice {}
