package dev.promoter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.service.ServingService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The predict API's short way in ({@link PredictDoor}), on unless {@code promoter.http.predict-door}
 * is false: then every predict request takes the general filter chain, as before the door.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "promoter.http.predict-door", havingValue = "true", matchIfMissing = true)
class PredictDoorConfiguration {

  /**
   * First of all filters: before Spring's observation filter, whose timer the door records itself,
   * and before Spring Security's chain, whose checks the door makes itself.
   */
  @Bean
  FilterRegistrationBean<PredictDoor> predictDoor(ObjectProvider<ServingService> serving, BearerTokens tokens,
      ProblemAdvice advice, MeterRegistry meters, ObjectMapper json,
      @Value("${promoter.http.max-body:1MB}") DataSize maxBody) {
    PredictDoor door = new PredictDoor(serving, tokens, advice, new DoorMeters(meters), json, maxBody.toBytes());
    FilterRegistrationBean<PredictDoor> registration = new FilterRegistrationBean<>(door);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/api/v1/models/*");
    return registration;
  }
}
