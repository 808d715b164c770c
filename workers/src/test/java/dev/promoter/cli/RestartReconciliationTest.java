package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.app.PromoterApplication;
import dev.promoter.registry.ApprovalRecord;
import dev.promoter.registry.Approvals;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.worker.WorkerPools;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A dev server stops while a run waits for approval; its Temporal state (in memory) is gone. The
 * next server's pools end that run LOST (approval withdrawn, staging given back, all audited) and
 * start the loop of a retraining schedule again.
 */
class RestartReconciliationTest {
  @TempDir Path home;
  @TempDir Path data;

  @Test
  void aRunTheRestartedServerForgotEndsLost() throws Exception {
    SyntheticFasta.dataset(data.resolve("rrna"));
    String run;
    try (StackProperties stack = new StackProperties(home).set("promoter.workers.data-root", data.toString())) {
      try (ConfigurableApplicationContext first = PromoterApplication.startForCommand()) {
        first.getBean(WorkerPools.class);
        CliRun start = CliRun.of("lifecycle", "start", "--model", "rrna", "--data", "rrna",
            "--candidates", "logreg", "--min", "0", "--as", "alice");
        Matcher id = Pattern.compile("started (\\S+)").matcher(start.out());
        assertThat(id.find()).as(start.toString()).isTrue();
        run = id.group(1);
        for (int i = 0; i < 240 && !CliRun.of("lifecycle", "status", run).out().contains("AWAITING_APPROVAL"); i++) {
          Thread.sleep(500);
        }
        assertThat(CliRun.of("models", "show", "rrna").out()).containsPattern("v1\\s+ACTIVE\\s+staging");
        assertThat(CliRun.of("schedule", "create", "nightly", "--cron", "0 3 * * *", "--model", "rrna",
            "--data", "rrna", "--candidates", "logreg", "--as", "alice").exitCode()).isZero();
      }
      try (ConfigurableApplicationContext second = PromoterApplication.startForCommand()) {
        second.getBean(WorkerPools.class);
        assertThat(CliRun.of("lifecycle", "list").out()).containsPattern(Pattern.quote(run) + "\\s+LIFECYCLE\\s+LOST");
        RegistryDatabase db = second.getBean(RegistryDatabase.class);
        assertThat(new Approvals(db.dataSource()).find(run)).get()
            .extracting(ApprovalRecord::status).isEqualTo("WITHDRAWN");
        ModelRegistry registry = second.getBean(ModelRegistry.class);
        assertThat(registry.version("rrna", 1).aliases()).isEmpty();
        assertThat(registry.audit("rrna")).extracting(e -> e.actor() + " " + e.action())
            .contains("promoter withdraw-approval", "promoter withdraw", "promoter lose-run");
        CliRun status = CliRun.of("lifecycle", "status", run);
        assertThat(status.out()).contains(run + ": LOST");
        // the schedule's cron-workflow loop went with the old Temporal; it runs again
        assertThat(dev.promoter.worker.WorkerConfiguration.workflowIsOpen(
            second.getBean(dev.promoter.stack.TemporalConnection.class).client(), "nightly")).isTrue();
      }
    }
  }
}
