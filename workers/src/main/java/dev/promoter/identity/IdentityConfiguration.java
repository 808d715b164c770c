package dev.promoter.identity;

import dev.promoter.registry.RegistryDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Wires identity over the registry. Lazy, like the stack: a command that needs none starts none. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

  /**
   * bcrypt, written as {@code {bcrypt}...} so a later algorithm can be added without
   * invalidating stored hashes.
   */
  @Bean
  @Lazy
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Lazy
  IdentityService identityService(RegistryDatabase registryDatabase, PasswordEncoder passwordEncoder) {
    return new IdentityService(registryDatabase.dataSource(), passwordEncoder);
  }
}
