package dev.promoter.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The web side, only in a process that serves HTTP ({@code promoter server}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Import({SecurityConfiguration.class, OperationsConfiguration.class, IdentityAdapters.class,
    ProblemAdvice.class, LifecycleController.class, ApprovalController.class, ModelController.class,
    ScheduleController.class, UserController.class})
public class WebConfiguration {}
