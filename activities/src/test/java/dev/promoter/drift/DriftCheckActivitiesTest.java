package dev.promoter.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.registry.AuditEntry;
import dev.promoter.registry.DriftCheckRow;
import dev.promoter.workflows.drift.DriftCheckOutcome;
import dev.promoter.workflows.drift.DriftCheckRequest;
import dev.promoter.workflows.drift.DriftSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The check on a real Postgres, against the reference computed from the committed real training
 * records, with predictions written through the real prediction log: real held-out traffic is
 * not drift, AT-rich traffic is, and starts exactly one retrain per window, audited.
 */
class DriftCheckActivitiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DriftSettings SETTINGS = new DriftSettings(Duration.ofMinutes(15), Duration.ofHours(1),
      200, "SIGNIFICANT", Duration.ofDays(1), 0.15);
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final long window = now.truncatedTo(ChronoUnit.DAYS).toEpochMilli();
  private DriftFixture f;

  @BeforeEach
  void open() {
    assumeTrue(DriftFixture.dataPresent(), "data/rrna not present");
    f = new DriftFixture();
  }

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  @Test
  void realHeldOutTrafficIsNotDrift() throws Exception {
    int v = f.productionV1("temporal");
    f.logPredictions(v, f.realTest(400), now.minusSeconds(60));
    DriftCheckOutcome outcome = f.activities().check(request("k1", now));
    assertThat(outcome.verdict()).as(f.checks.recent("rrna", 1).getFirst().topFeaturesJson()).isEqualTo("NONE");
    // the plain rule (any D with a small p-value) calls the same traffic drift: the held-out genes
    // come partly from other phyla, and KS on 400 x 3,934 values sees their few percent shift in C
    DriftCheckOutcome plain = f.activities().check(new DriftCheckRequest("k0", "rrna", now.toEpochMilli(),
        new DriftSettings(SETTINGS.interval(), SETTINGS.window(), 200, "SIGNIFICANT", SETTINGS.coolDown(), 0.0),
        window, "monitor-owner"));
    assertThat(plain.verdict()).isEqualTo("SIGNIFICANT");
    assertThat(outcome.retrainRunId()).isNull();
    DriftCheckRow row = f.checks.recent("rrna", 10).getLast();
    assertThat(row.referenceSize()).isEqualTo(f.data.train().size());
    assertThat(row.currentSize()).isEqualTo(400);
    assertThat(row.note()).isEqualTo("NONE is below the trigger SIGNIFICANT");
    System.out.println("figures: real held-out, minimum shift 0.15: " + row.verdict() + " " + row.topFeaturesJson());
    System.out.println("figures: real held-out, minimum shift 0: " + plain.verdict() + " "
        + f.checks.recent("rrna", 10).getFirst().topFeaturesJson());
    // the reference is cached per artifact digest, computed from the training records only
    assertThat(f.checks.reference("ab".repeat(32))).isPresent();
  }

  @Test
  void atRichTrafficIsSignificantAndStartsOneRetrainPerWindow() throws Exception {
    int v = f.productionV1("temporal");
    f.logPredictions(v, f.atRich(300), now.minusSeconds(60));
    DriftCheckActivitiesImpl activities = f.activities();
    DriftCheckOutcome first = activities.check(request("k1", now));
    assertThat(first.verdict()).isEqualTo("SIGNIFICANT");
    assertThat(first.retrainRunId()).isEqualTo("rrna-drift-" + java.time.format.DateTimeFormatter
        .ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(Instant.ofEpochMilli(window)));
    assertThat(first.retrain().dataset()).isEqualTo("data/rrna");
    assertThat(first.retrain().submittedBy()).isEqualTo("monitor-owner");
    assertThat(first.note()).isEqualTo("retrain from the last run's request");

    DriftCheckRow row = f.checks.recent("rrna", 10).getFirst();
    System.out.println("figures: AT-rich: " + row.verdict() + ", " + row.driftedFeatures() + " drifted, "
        + row.topFeaturesJson());
    JsonNode top = JSON.readTree(row.topFeaturesJson());
    assertThat(top).hasSize(3);
    assertThat(top.get(0).get("psi").asDouble()).isGreaterThan(DriftDetector.PSI_THRESHOLD);
    assertThat(row.driftedFeatures()).isGreaterThanOrEqualTo(4);
    assertThat(top.findValuesAsText("feature")).contains("gc");
    assertThat(top.findValues("drifted")).allMatch(JsonNode::asBoolean);

    // a retried activity finds its own row and the same claim
    DriftCheckOutcome retried = activities.check(request("k1", now));
    assertThat(retried.checkId()).isEqualTo(first.checkId());
    assertThat(retried.retrainRunId()).isEqualTo(first.retrainRunId());

    // a later check in the same window judges again but starts nothing
    DriftCheckOutcome second = activities.check(request("k2", now.plusSeconds(1)));
    assertThat(second.verdict()).isEqualTo("SIGNIFICANT");
    assertThat(second.retrainRunId()).isNull();
    assertThat(second.retrain()).isNull();
    assertThat(second.note()).contains("already started in this window (check #" + first.checkId() + ")");

    List<AuditEntry> audit = f.registry.audit("rrna").stream().filter(a -> a.action().equals("drift-retrain")).toList();
    assertThat(audit).singleElement().satisfies(a -> {
      assertThat(a.actor()).isEqualTo("promoter");
      assertThat(a.reason()).startsWith("drift check #" + first.checkId() + ": SIGNIFICANT")
          .endsWith("started retraining run " + first.retrainRunId());
    });
  }

  @Test
  void withoutATemplateTheVerdictIsRecordedAndNothingStarts() {
    // a version trained by a Camunda run: its request gives the reference, but no Temporal
    // template exists and the model has no schedule
    int v = f.productionV1("camunda");
    f.logPredictions(v, f.atRich(300), now.minusSeconds(60));
    DriftCheckOutcome outcome = f.activities().check(request("k1", now));
    assertThat(outcome.verdict()).isEqualTo("SIGNIFICANT");
    assertThat(outcome.retrainRunId()).isNull();
    assertThat(outcome.note()).startsWith("no template:");
    assertThat(f.registry.audit("rrna")).noneMatch(a -> a.action().equals("drift-retrain"));
  }

  @Test
  void tooFewOrOldPredictionsAreSkipped() {
    int v = f.productionV1("temporal");
    f.logPredictions(v, f.atRich(150), now.minusSeconds(60));
    f.logPredictions(v, f.atRich(300), now.minus(Duration.ofHours(2)));
    DriftCheckOutcome outcome = f.activities().check(request("k1", now));
    assertThat(outcome.verdict()).isEqualTo("SKIPPED");
    assertThat(outcome.note()).isEqualTo("too few predictions: 150 by v1 in the last PT1H, at least 200 needed");
    assertThat(outcome.retrainRunId()).isNull();
  }

  @Test
  void aModelWithoutProductionIsSkipped() {
    DriftCheckOutcome outcome = f.activities().check(new DriftCheckRequest("k", "absent", now.toEpochMilli(),
        SETTINGS, window, "monitor-owner"));
    assertThat(outcome.verdict()).isEqualTo("SKIPPED");
    assertThat(outcome.version()).isNull();
    assertThat(outcome.note()).startsWith("no production version:");
  }

  @Test
  void recordedChecksCannotBeRewritten() throws Exception {
    f.activities().check(request("k1", now));
    for (String sql : new String[] {"UPDATE drift_checks SET verdict = 'NONE'", "DELETE FROM drift_checks",
        "TRUNCATE drift_checks"}) {
      try (var c = f.db.dataSource().getConnection(); var s = c.createStatement()) {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.execute(sql)))
            .as(sql).hasMessageContaining("drift_checks is append-only");
      }
    }
    assertThat(f.checks.recent("rrna", 10)).hasSize(1);
  }

  private DriftCheckRequest request(String key, Instant at) {
    return new DriftCheckRequest(key, "rrna", at.toEpochMilli(), SETTINGS, window, "monitor-owner");
  }
}
