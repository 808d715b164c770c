package dev.promoter.web;

import dev.promoter.registry.RegistryDatabase;
import dev.promoter.stack.TemporalConnection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health (readiness with Postgres and Temporal), metrics, and the request-size limit. The stack's
 * beans come through {@link ObjectProvider}s, resolved at each check: they start lazily, and
 * {@code @Lazy} cannot proxy them (their classes are final).
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {
  private static final List<String> RUN_STATUSES = List.of("RUNNING", "AWAITING_APPROVAL",
      "PROMOTED", "NOT_PROMOTED", "REJECTED", "EXPIRED", "FAILED", "ROLLED_BACK", "LOST");

  @Bean
  HealthIndicator registry(ObjectProvider<RegistryDatabase> database) {
    return () -> {
      try (Connection c = database.getObject().dataSource().getConnection();
          PreparedStatement s = c.prepareStatement("SELECT 1"); ResultSet rs = s.executeQuery()) {
        return Health.up().build();
      } catch (Exception e) {
        return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
      }
    };
  }

  @Bean
  HealthIndicator temporal(ObjectProvider<TemporalConnection> connection) {
    return () -> {
      try {
        TemporalConnection temporal = connection.getObject();
        temporal.client().getWorkflowServiceStubs().blockingStub()
            .withDeadlineAfter(3, TimeUnit.SECONDS).getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        return Health.up().withDetail("address", temporal.address()).build();
      } catch (Exception e) {
        return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
      }
    };
  }

  /** Runs by status and approvals pending, read from the registry at each scrape. */
  @Bean
  MeterBinder registryGauges(ObjectProvider<RegistryDatabase> database) {
    return meters -> {
      for (String status : RUN_STATUSES) {
        Gauge.builder("promoter.lifecycle.runs", () -> count(database,
                "SELECT count(*) FROM lifecycle_runs WHERE status = '" + status + "'"))
            .tag("status", status).description("lifecycle runs by status").register(meters);
      }
      Gauge.builder("promoter.approvals.pending", () -> count(database,
              "SELECT count(*) FROM approval_requests WHERE status = 'PENDING'"))
          .description("approvals waiting for a decision").register(meters);
    };
  }

  private static double count(ObjectProvider<RegistryDatabase> database, String sql) {
    try (Connection c = database.getObject().dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /** Refuses a body over the limit with 413 before anything reads it. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> bodyLimit(
      @Value("${promoter.http.max-body:1MB}") DataSize limit) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
          FilterChain chain) throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
          Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "the request body is "
              + request.getContentLengthLong() + " bytes; the limit is " + limit.toBytes() + " bytes");
          return;
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

}
