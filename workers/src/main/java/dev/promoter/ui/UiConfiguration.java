package dev.promoter.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The web UI's pages and its sign-in, imported by the web side. */
@Configuration(proxyBeanMethods = false)
@Import({UiSecurity.class, UiModel.class, SignInPages.class, InboxPages.class, ApprovalPages.class, RunPages.class,
    ModelPages.class, SchedulePages.class})
public class UiConfiguration {

  /** Formatting for the templates, as {@code @fmt}. */
  @org.springframework.context.annotation.Bean("fmt")
  Fmt fmt() {
    return new Fmt();
  }
}
