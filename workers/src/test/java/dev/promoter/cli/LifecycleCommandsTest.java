package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.app.PromoterApplication;
import dev.promoter.worker.WorkerPools;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The lifecycle commands against a running server, as a second terminal uses `promoter server`:
 * the server's context runs here (embedded Temporal on a port, both pools, Postgres), and every
 * command opens its own connection to it, attaching to its Postgres.
 */
class LifecycleCommandsTest {
  @TempDir Path home;
  @TempDir Path data;

  @Test
  void startFollowApproveScheduleAndClassifyAgainstARunningServer() throws Exception {
    Path dataset = SyntheticFasta.dataset(data.resolve("rrna"));
    try (StackProperties stack = new StackProperties(home).set("promoter.workers.data-root", data.toString());
        ConfigurableApplicationContext server = PromoterApplication.startForCommand()) {
      assertThat(server.getBean(WorkerPools.class).started()).hasSize(2);

      // checked at the front door: nothing starts, nothing is written
      assertRefusedBeforeStart("unknown trainer 'svm'", "--model", "rrna", "--data", "rrna", "--candidates", "svm");
      assertRefusedBeforeStart("invalid model name '../../etc'", "--model", "../../etc", "--data", "rrna", "--candidates", "logreg");
      assertRefusedBeforeStart("dataset 'nope' not found", "--model", "rrna", "--data", "nope", "--candidates", "logreg");
      assertRefusedBeforeStart("is outside the data root", "--model", "rrna", "--data", "../..", "--candidates", "logreg");
      assertRefusedBeforeStart("is outside the data root", "--model", "rrna", "--data", "/etc", "--candidates", "logreg");
      assertRefusedBeforeStart("unknown logreg parameter 'depth'", "--model", "rrna", "--data", "rrna",
          "--candidates", "logreg", "--param", "logreg.depth=3");
      assertRefusedBeforeStart("unknown metric 'auc'", "--model", "rrna", "--data", "rrna", "--candidates", "logreg", "--metric", "auc");
      assertThat(CliRun.of("lifecycle", "list").out()).contains("no runs yet");

      CliRun start = CliRun.of("lifecycle", "start", "--model", "rrna", "--data", "rrna",
          "--candidates", "logreg", "--as", "alice");
      assertThat(start.exitCode()).as(start.toString()).isZero();
      Matcher id = Pattern.compile("started (\\S+)").matcher(start.out());
      assertThat(id.find()).as(start.out()).isTrue();
      String run = id.group(1);

      CliRun status = awaitApproval(run);
      assertThat(status.out()).contains("logreg").contains("registered v1");

      CliRun selfApproval = CliRun.of("approve", run, "--as", "alice", "--reason", "mine is great");
      assertThat(selfApproval.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(selfApproval.err().strip())
          .isEqualTo("promoter: alice submitted this run and cannot also decide on it (four eyes)");
      CliRun noRole = CliRun.of("approve", run, "--as", "demo", "--reason", "lgtm");
      assertThat(noRole.err()).contains("demo does not hold the 'approver' role");

      CliRun approve = CliRun.of("approve", run, "--as", "bob", "--reason", "metrics look right");
      assertThat(approve.exitCode()).as(approve.toString()).isZero();
      assertThat(approve.out()).contains(run + ": PROMOTED");

      CliRun list = CliRun.of("lifecycle", "list");
      assertThat(list.out()).containsPattern(Pattern.quote(run) + "\\s+LIFECYCLE\\s+PROMOTED\\s+rrna\\s+by alice");

      CliRun neverFires = CliRun.of("schedule", "create", "feb30", "--cron", "0 3 30 2 *", "--model", "rrna",
          "--data", "rrna", "--candidates", "logreg", "--as", "alice");
      assertThat(neverFires.exitCode()).isEqualTo(2);
      assertThat(neverFires.err()).contains("never fires");
      CliRun badName = CliRun.of("schedule", "create", "../nightly", "--cron", "0 3 * * *", "--model", "rrna",
          "--data", "rrna", "--as", "alice");
      assertThat(badName.exitCode()).isEqualTo(2);
      assertThat(badName.err()).contains("invalid schedule name '../nightly'");
      CliRun badCron = CliRun.of("schedule", "create", "bad", "--cron", "every day", "--model", "rrna",
          "--data", "rrna", "--as", "alice");
      assertThat(badCron.exitCode()).isEqualTo(2);
      assertThat(badCron.err()).contains("bad cron expression");
      CliRun schedule = CliRun.of("schedule", "create", "nightly", "--cron", "0 3 * * *", "--overlap",
          "BUFFER_ONE", "--model", "rrna", "--data", "rrna", "--candidates", "logreg", "--as", "alice");
      assertThat(schedule.exitCode()).as(schedule.toString()).isZero();
      assertThat(schedule.out()).contains("schedule nightly: \"0 3 * * *\" (UTC), overlap BUFFER_ONE, "
          + "via a cron workflow");
      CliRun again = CliRun.of("schedule", "create", "nightly", "--cron", "0 3 * * *", "--model", "rrna",
          "--data", "rrna", "--as", "alice");
      assertThat(again.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(again.err()).contains("schedule 'nightly' already exists");
      assertThat(CliRun.of("schedule", "list").out()).containsPattern("nightly\\s+\"0 3 \\* \\* \\*\"\\s+BUFFER_ONE\\s+rrna");
      CliRun notAdmin = CliRun.of("schedule", "delete", "nightly", "--as", "alice");
      assertThat(notAdmin.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(CliRun.of("schedule", "delete", "nightly", "--as", "demo").out()).contains("deleted schedule nightly");
      assertThat(CliRun.of("schedule", "list").out()).contains("no schedules");

      CliRun classify = CliRun.of("classify", "--model", "rrna@production", "--fasta",
          dataset.resolve("test.fasta").toString());
      assertThat(classify.exitCode()).as(classify.toString()).isZero();
      assertThat(classify.out().lines()).hasSize(24)
          .allMatch(l -> l.matches("te\\d_\\d\\t(5S|5\\.8S|16S|18S|23S|28S|mt-SSU|non-rRNA)\\t[01]\\.\\d{4}"));
    }
  }

  @Test
  void theCnnTrainsOnTheGpuPoolIsRegisteredAndServesLikeAnyModel() throws Exception {
    Path dataset = SyntheticFasta.dataset(data.resolve("rrna"));
    try (StackProperties stack = new StackProperties(home).set("promoter.workers.data-root", data.toString());
        ConfigurableApplicationContext server = PromoterApplication.startForCommand()) {
      server.getBean(WorkerPools.class);
      CliRun start = CliRun.of("lifecycle", "start", "--model", "rrna-cnn", "--data", "rrna",
          "--candidates", "cnn", "--param", "cnn.epochs=8", "--param", "cnn.sequence-length=256",
          "--param", "cnn.channels=16,16,16", "--param", "cnn.dense=16", "--param", "cnn.patience=8",
          "--min", "0", "--as", "alice");
      Matcher id = Pattern.compile("started (\\S+)").matcher(start.out());
      assertThat(id.find()).as(start.toString()).isTrue();
      String run = id.group(1);
      assertThat(awaitApproval(run).out()).containsPattern("cnn\\s+cnn\\s+on gpu\\s+DONE");
      assertThat(CliRun.of("approve", run, "--as", "bob", "--reason", "ok").out()).contains(run + ": PROMOTED");

      CliRun show = CliRun.of("models", "show", "rrna-cnn");
      assertThat(show.out()).containsPattern("v1\\s+ACTIVE\\s+production,staging").contains(", djl)");
      CliRun classify = CliRun.of("classify", "--model", "rrna-cnn@production", "--fasta",
          dataset.resolve("test.fasta").toString());
      assertThat(classify.exitCode()).as(classify.toString()).isZero();
      assertThat(classify.out().lines()).hasSize(24);
    }
  }

  private static void assertRefusedBeforeStart(String message, String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "lifecycle";
    args[1] = "start";
    System.arraycopy(options, 0, args, 2, options.length);
    args[args.length - 2] = "--as";
    args[args.length - 1] = "alice";
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).contains(message).doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  private static CliRun awaitApproval(String run) throws InterruptedException {
    CliRun status = null;
    for (int i = 0; i < 240; i++) {
      status = CliRun.of("lifecycle", "status", run);
      if (!status.out().contains(": RUNNING")) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(status.out()).as(status.toString()).contains(run + ": AWAITING_APPROVAL");
    return status;
  }
}
