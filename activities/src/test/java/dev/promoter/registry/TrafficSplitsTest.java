package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Traffic splits and the figures rollout gates read, on a real Postgres. */
class TrafficSplitsTest {
  private RegistryDatabase db;
  private ModelRegistry registry;
  private TrafficSplits splits;
  private PredictionLog log;
  private RolloutFigures figures;

  @BeforeEach
  void open() {
    db = TestPostgres.freshDatabase();
    registry = new ModelRegistry(db.dataSource());
    splits = new TrafficSplits(db.dataSource());
    log = new PredictionLog(db.dataSource());
    figures = new RolloutFigures(db.dataSource());
    registry.register(Versions.of("rrna", "k1"));
    registry.register(Versions.of("rrna", "k2"));
    registry.promote("rrna", 1, "production", "alice", "first");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aSplitIsOneAuditedChangeAndARepeatWritesNothing() {
    TrafficSplit ten = splits.set("rrna", "production", 2, "canary", 10, "promoter", "step 1");
    assertThat(ten).extracting(TrafficSplit::version, TrafficSplit::mode, TrafficSplit::percent)
        .containsExactly(2, "canary", 10);
    TrafficSplit again = splits.set("rrna", "production", 2, "canary", 10, "promoter", "step 1 retried");
    assertThat(again.since()).isEqualTo(ten.since());
    TrafficSplit quarter = splits.set("rrna", "production", 2, "canary", 25, "promoter", "step 2");
    assertThat(quarter.since()).isAfter(ten.since());
    assertThat(splits.get("rrna", "production").percent()).isEqualTo(25);
    splits.clear("rrna", "production", "promoter", "gate failed");
    splits.clear("rrna", "production", "promoter", "gate failed (retried)");
    assertThat(splits.get("rrna", "production")).isNull();
    assertThat(splits.of("rrna")).isEmpty();

    List<AuditEntry> audit = registry.audit("rrna").stream()
        .filter(e -> e.action().startsWith("split")).toList();
    assertThat(audit).extracting(AuditEntry::action, AuditEntry::version, AuditEntry::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("split", 2, "step 1"),
        org.assertj.core.groups.Tuple.tuple("split", 2, "step 2"),
        org.assertj.core.groups.Tuple.tuple("split-clear", 2, "gate failed"));
    // a split is not an alias move: production still rolls back as before
    assertThat(registry.holder("rrna", "production").version()).isEqualTo(1);
  }

  @Test
  void aWarmSplitMayNameTheHolderAndChangesNoRoute() {
    // a blue-green rollback can put the old champion back just before its keep-warm split is set
    TrafficSplit warm = splits.set("rrna", "production", 1, "warm", 0, "promoter", "keep v1 warm");
    assertThat(warm).extracting(TrafficSplit::version, TrafficSplit::mode).containsExactly(1, "warm");
    splits.clear("rrna", "production", "promoter", "window over");
    assertThat(splits.of("rrna")).isEmpty();
  }

  @Test
  void refusesWhatCannotBeSplit() {
    assertThatThrownBy(() -> splits.set("rrna", "production", 2, "blue", 10, "promoter", "x"))
        .hasMessageContaining("invalid split mode 'blue'");
    assertThatThrownBy(() -> splits.set("rrna", "production", 2, "canary", 101, "promoter", "x"))
        .hasMessageContaining("invalid split percent 101");
    assertThatThrownBy(() -> splits.set("rrna", "production", 2, "warm", 10, "promoter", "x"))
        .hasMessageContaining("0 for mode 'warm'");
    assertThatThrownBy(() -> splits.set("rrna", "production", 1, "canary", 10, "promoter", "x"))
        .hasMessageContaining("holds 'production' of 'rrna' already");
    assertThatThrownBy(() -> splits.set("rrna", "staging", 2, "canary", 10, "promoter", "x"))
        .hasMessageContaining("has no holder");
    registry.reject("rrna", 2, "bob", "worse");
    assertThatThrownBy(() -> splits.set("rrna", "production", 2, "canary", 10, "promoter", "x"))
        .isInstanceOf(RegistryException.class).hasMessageContaining("was rejected");
    assertThat(registry.audit("rrna")).noneMatch(e -> e.action().startsWith("split"));
  }

  @Test
  void gatesReadErrorsLatencyAccuracyAndAgreementFromTheLog() {
    Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
    List<PredictionRecord> rows = new ArrayList<>();
    Map<String, Double> f = Map.of("length", 100.0);
    for (int i = 0; i < 10; i++) {
      String id = "r" + i;
      // the canary answers 10 requests; the holder scores the same ones off the path
      rows.add(new PredictionRecord(t0, id, 0, "rrna", 2, "canary", i + 1, i < 8 ? "16S" : "23S", 0.9, f));
      rows.add(new PredictionRecord(t0, id, 0, "rrna", 1, "shadow", 1, "16S", 0.9, f));
    }
    rows.add(PredictionRecord.failed(t0, "e1", 0, "rrna", 2, "canary", 1, f, PredictionRecord.MODEL_ERROR));
    rows.add(new PredictionRecord(t0, "e1", 0, "rrna", 1, "fallback", 1, "16S", 0.9, f));
    rows.add(PredictionRecord.failed(t0, "u1", 0, "rrna", 2, "canary", 1, f, PredictionRecord.UNAVAILABLE));
    // before the step began: not counted
    rows.add(PredictionRecord.failed(t0.minusSeconds(60), "old", 0, "rrna", 2, "canary", 1, f,
        PredictionRecord.MODEL_ERROR));
    log.append(rows);
    log.feedback("rrna", "r0", 0, "16S", "bob");
    log.feedback("rrna", "r8", 0, "16S", "bob");
    log.feedback("rrna", "r9", 0, "23S", "bob");
    log.feedback("rrna", "r9", 0, "16S", "bob"); // the latest label counts

    RolloutFigures.VersionFigures canary = figures.version("rrna", 2, List.of("canary"), t0);
    assertThat(canary.answered()).isEqualTo(10);
    assertThat(canary.modelErrors()).isEqualTo(1);
    assertThat(canary.unavailable()).isEqualTo(1);
    assertThat(canary.errorRate()).isCloseTo(1 / 11.0, within(1e-9));
    assertThat(canary.p99LatencyMs()).isCloseTo(9.91, within(1e-6));
    assertThat(canary.labelled()).isEqualTo(3);
    assertThat(canary.correct()).isEqualTo(1);
    RolloutFigures.VersionFigures holder = figures.version("rrna", 1, List.of("shadow", "fallback"), t0);
    assertThat(holder.answered()).isEqualTo(11);
    assertThat(holder.accuracy()).isEqualTo(1.0);
    RolloutFigures.Agreement agreement = figures.agreement("rrna", 2, List.of("canary"), 1, t0);
    assertThat(agreement.compared()).isEqualTo(10);
    assertThat(agreement.agreed()).isEqualTo(8);
    // feedback names the prediction once, though two versions scored it
    assertThat(log.feedbackLabel("r9", 0)).isEqualTo("16S");
    assertThat(log.recent("rrna", 100)).filteredOn(r -> r.requestId().equals("u1")).singleElement()
        .satisfies(r -> {
          assertThat(r.outcome()).isEqualTo("unavailable");
          assertThat(r.label()).isNull();
        });
  }
}
