package dev.promoter.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.identity.IdentityService;
import dev.promoter.identity.TestRegistry;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.stack.PromoterProperties;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** PROMOTER_PRINCIPALS seeds an empty dev registry, and nothing in production. */
class DevSeedingTest {
  @TempDir Path home;

  @Test
  void devModeSeedsAnEmptyRegistryOnlyAndProductionNever() {
    WorkerProperties workers = new WorkerProperties("cpu", "gpu", Set.of("cpu"), ".",
        "demo=submitter,admin;reviewer=approver");
    try (RegistryDatabase db = TestRegistry.fresh()) {
      IdentityService identity = new IdentityService(db.dataSource(), new BCryptPasswordEncoder(4));

      assertThat(WorkerConfiguration.seedDevUsers(mode("production"), workers, identity)).isEmpty();
      assertThat(identity.listUsers()).isEmpty();
      assertThat(home.resolve("dev-tokens")).doesNotExist();

      assertThat(WorkerConfiguration.seedDevUsers(mode("dev"), workers, identity))
          .containsExactly("demo", "reviewer");
      assertThat(home.resolve("dev-tokens")).exists();
      identity.removeUser("reviewer", "local:test");
      assertThat(WorkerConfiguration.seedDevUsers(mode("dev"), workers, identity)).isEmpty();
      assertThat(identity.listUsers()).hasSize(1);
    }
  }

  private PromoterProperties mode(String mode) {
    return new PromoterProperties(mode, home.toString(), null, null, null);
  }
}
