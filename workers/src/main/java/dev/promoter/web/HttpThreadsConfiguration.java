package dev.promoter.web;

import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers requests on virtual threads instead of its pool of 200 platform threads, unless
 * {@code promoter.http.virtual-threads} is false. Why: on the predict benchmark (2 cores, 8
 * connections), averaged over four pairs measured back to back, it answered about a quarter more
 * single-gene requests a second at a tenth less CPU a request (README, Benchmarks, fourth pass; a
 * batched sequence cost about as much or a little more): a request runs on one of a few carrier
 * threads instead of whichever of about ten pooled threads was woken for it. Only Tomcat's request
 * threads change: the application's other executors (workflow workers, the prediction-log writer,
 * schedulers) stay platform threads. Per-thread caches on the predict path therefore are pools, not
 * thread locals ({@code CachedBearerTokens}, the compiled model's scratch), since a virtual thread
 * lives for one request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "promoter.http.virtual-threads", havingValue = "true", matchIfMissing = true)
class HttpThreadsConfiguration {

  /** What Spring Boot's {@code spring.threads.virtual.enabled} does for Tomcat, and nothing else. */
  @Bean
  TomcatProtocolHandlerCustomizer<?> virtualRequestThreads() {
    return handler -> handler.setExecutor(new VirtualThreadExecutor("http-virtual-"));
  }
}
