package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, as a user runs it: the README's main job on the embedded stack (Temporal's test
 * server on a port, the worker pools as real pollers, Postgres over a data folder that outlives
 * the run), then the registry commands on what it left.
 */
class DemoAndRegistryCommandsTest {
  @TempDir Path home;
  @TempDir Path data;

  @Test
  void demoRunsTheLifecycleTwiceAndTheRegistryCommandsWorkOnWhatItLeft() throws Exception {
    Path dataset = SyntheticFasta.dataset(data.resolve("rrna"));
    try (StackProperties stack = new StackProperties(home)) {
      // three candidates on two pools: the CNN goes to the gpu queue (DJL on the CPU here)
      CliRun first = CliRun.of("demo", "--auto-approve", "--as", "reviewer", "--data", dataset.toString(),
          "--candidates", "logreg,forest,cnn", "--param", "cnn.epochs=2", "--param", "cnn.sequence-length=256",
          "--param", "cnn.channels=8,16,16", "--param", "cnn.dense=8");
      assertThat(first.exitCode()).as(first.toString()).isZero();
      assertThat(first.out())
          .contains("Temporal  localhost:" + stack.temporalPort)
          .contains("polling   cpu pool on task queue 'cpu'")
          .containsPattern("logreg\\s+on cpu DONE: macro-F1 \\d\\.\\d{4}, fragments \\d\\.\\d{4}")
          .containsPattern("forest\\s+on cpu DONE")
          .containsPattern("cnn\\s+on gpu DONE: macro-F1 \\d\\.\\d{4}")
          .contains("polling   gpu pool on task queue 'gpu'")
          .contains("3. approval: v1 is staged")
          .contains("approving as reviewer")
          .contains("4. result: PROMOTED: v1 promoted to production by reviewer")
          .contains("rrna-classifier@production is v1")
          .contains("via a cron workflow (this Temporal server has no Schedules API)");

      // the registry persists; Temporal (in memory) starts afresh; the champion is v1 now
      CliRun second = CliRun.of("demo", "--auto-approve", "--as", "reviewer", "--data", dataset.toString(),
          "--candidates", "logreg,forest");
      assertThat(second.exitCode()).as(second.toString()).isZero();
      assertThat(second.out()).contains("rrna-classifier@production is v2");

      CliRun list = CliRun.of("models", "list");
      assertThat(list.out()).containsPattern("rrna-classifier\\s+2\\s+production=v2 staging=v2");

      CliRun runs = CliRun.of("lifecycle", "list");
      assertThat(runs.out().lines().filter(l -> l.contains("PROMOTED"))).hasSize(2);

      // an operator's act: only an admin may move an alias by hand, and only a known user
      CliRun notAdmin = CliRun.of("rollback", "rrna-classifier", "--as", "alice", "--reason", "x");
      assertThat(notAdmin.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(notAdmin.err().strip()).isEqualTo("promoter: alice does not hold the 'admin' role "
          + "needed to roll an alias back by hand");
      CliRun stranger = CliRun.of("promote", "rrna-classifier", "1", "--as", "mallory", "--reason", "x");
      assertThat(stranger.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(stranger.err()).contains("unknown user 'mallory'");

      CliRun rollback = CliRun.of("rollback", "rrna-classifier", "--alias", "production",
          "--as", "demo", "--reason", "v2 misclassifies 5.8S");
      assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
      assertThat(rollback.out()).contains("rolled back rrna-classifier@production: v2 -> v1");

      CliRun again = CliRun.of("rollback", "rrna-classifier", "--as", "demo", "--reason", "further");
      assertThat(again.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(again.err()).contains("promoter: 'production' of 'rrna-classifier' has no earlier holder");

      CliRun promote = CliRun.of("promote", "rrna-classifier", "2", "--alias", "production",
          "--as", "demo", "--reason", "fixed upstream");
      assertThat(promote.out()).contains("promoted rrna-classifier@production: v1 -> v2");

      CliRun show = CliRun.of("models", "show", "rrna-classifier");
      assertThat(show.out()).contains("2 version(s)").containsPattern("v1\\s+ARCHIVED")
          .containsPattern("v2\\s+ACTIVE\\s+production,staging").contains("metrics  {")
          .contains("lineage  run=rrna-classifier-");

      CliRun audit = CliRun.of("audit", "rrna-classifier");
      assertThat(audit.out()).contains("reviewer approved v1: demo --auto-approve")
          .contains("demo (operator) rollback production v2 -> v1: v2 misclassifies 5.8S");
    }
  }

  @Test
  void badInputGetsOneLineNamingTheProblemAndItsExitCode() throws Exception {
    Path dataset = SyntheticFasta.dataset(data.resolve("rrna"));
    try (StackProperties stack = new StackProperties(home)) {
      assertThat(CliRun.of("demo", "--auto-approve", "--data", dataset.toString(), "--candidates", "logreg")
          .exitCode()).isZero();

      CliRun unknownModel = CliRun.of("models", "show", "nope");
      assertThat(unknownModel.exitCode()).isEqualTo(PromoterCli.NOT_FOUND);
      assertThat(unknownModel.err().strip()).isEqualTo("promoter: unknown model 'nope'");

      CliRun unknownVersion = CliRun.of("promote", "rrna-classifier", "7", "--as", "demo", "--reason", "y");
      assertThat(unknownVersion.exitCode()).isEqualTo(PromoterCli.NOT_FOUND);
      assertThat(unknownVersion.err()).contains("has no version 7");

      CliRun badAlias = CliRun.of("promote", "rrna-classifier", "1", "--alias", "PROD!", "--as", "demo", "--reason", "y");
      assertThat(badAlias.exitCode()).isEqualTo(2);
      assertThat(badAlias.err()).contains("invalid alias 'PROD!'");

      CliRun missingActor = CliRun.of("promote", "rrna-classifier", "1", "--reason", "y");
      assertThat(missingActor.exitCode()).isEqualTo(2);
      assertThat(missingActor.err()).contains("--as USER is required in dev mode");

      CliRun stale = CliRun.of("promote", "rrna-classifier", "1", "--as", "demo", "--reason", "y", "--if-current", "5");
      assertThat(stale.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(stale.err()).contains("is now held by version 1, not version 5");

      // no server runs now: a command that needs the engine says so, but only after its input
      // passed every check (a new user fixing a typo must not be sent to start a server first)
      String promotedRun = CliRun.of("lifecycle", "list").out().lines().filter(l -> l.contains("PROMOTED")).findFirst().orElseThrow()
          .split("\\s+")[0];
      CliRun noServer = CliRun.of("lifecycle", "status", promotedRun);
      assertThat(noServer.exitCode()).isEqualTo(PromoterCli.UNAVAILABLE);
      assertThat(noServer.err()).contains("no Promoter server is running on localhost:" + stack.temporalPort);
      CliRun noSuchRun = CliRun.of("lifecycle", "status", "some-run");
      assertThat(noSuchRun.exitCode()).isEqualTo(PromoterCli.NOT_FOUND);
      CliRun approveNoSuchRun = CliRun.of("approve", "some-run", "--as", "demo", "--reason", "x");
      assertThat(approveNoSuchRun.exitCode()).as(approveNoSuchRun.toString()).isEqualTo(PromoterCli.NOT_FOUND);
      assertThat(approveNoSuchRun.err()).contains("some-run");
      stack.set("promoter.workers.data-root", data.toString());
      CliRun badName = CliRun.of("lifecycle", "start", "--model", "bad name!", "--data", "rrna", "--as", "demo");
      assertThat(badName.exitCode()).as(badName.toString()).isEqualTo(2);
      assertThat(badName.err()).contains("bad name!").doesNotContain("no Promoter server");
      CliRun badData = CliRun.of("lifecycle", "start", "--model", "m", "--data", "nowhere", "--as", "demo");
      assertThat(badData.exitCode()).as(badData.toString()).isEqualTo(2);
      assertThat(badData.err()).contains("dataset 'nowhere' not found");
      CliRun badTrainer = CliRun.of("lifecycle", "start", "--model", "m", "--data", "rrna", "--candidates", "bogus",
          "--as", "demo");
      assertThat(badTrainer.exitCode()).as(badTrainer.toString()).isEqualTo(2);
      assertThat(badTrainer.err()).contains("unknown trainer 'bogus'");
      CliRun badCron = CliRun.of("schedule", "create", "nightly", "--cron", "61 * * * *", "--model", "m",
          "--data", "rrna", "--as", "demo");
      assertThat(badCron.exitCode()).as(badCron.toString()).isEqualTo(2);
      assertThat(badCron.err()).contains("bad cron expression");
      CliRun goodStart = CliRun.of("lifecycle", "start", "--model", "m", "--data", "rrna", "--as", "demo");
      assertThat(goodStart.exitCode()).as(goodStart.toString()).isEqualTo(PromoterCli.UNAVAILABLE);
      assertThat(goodStart.err()).contains("no Promoter server is running on localhost:" + stack.temporalPort);
      assertThat(CliRun.of("lifecycle", "list").out().lines().filter(l -> l.startsWith("m-"))).isEmpty();
    }
  }
}
