package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.drift.SequenceSummary;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.RrnaDataset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The prediction log written with {@code COPY}: what the drift monitor reads back is exactly
 * {@link SequenceSummary#of} of each sequence (the serving writer hands over counts and writes their
 * JSON itself), text with COPY's special characters survives, failed rows have no label, and a
 * batch with a duplicate writes nothing.
 */
class PredictionLogCopyTest {
  private static final Instant AT = Instant.parse("2026-11-30T01:00:00.123456Z");

  @Test
  void theDriftMonitorReadsTheSummaryOfEverySequenceExactlyAsComputedFromTheSequence() throws Exception {
    List<String> sequences = new ArrayList<>();
    RrnaDataset data = RrnaDataset.load(Path.of("..").toAbsolutePath().normalize().resolve("data/rrna"));
    data.test().stream().map(FastaRecord::sequence).forEach(sequences::add);
    Random random = new Random(5);
    String alphabet = "ACGTNRYSWKMBDHVacgt-";
    for (int i = 0; i < 300; i++) { // ambiguity codes, odd lengths, one base
      StringBuilder s = new StringBuilder();
      for (int j = 0, n = 1 + random.nextInt(i % 10 == 0 ? 3 : 2000); j < n; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      sequences.add(s.toString());
    }
    try (RegistryDatabase db = TestPostgres.freshDatabase()) {
      PredictionLog log = new PredictionLog(db.dataSource());
      PredictionLog.Rows rows = new PredictionLog.Rows();
      StringBuilder json = new StringBuilder();
      for (int i = 0; i < sequences.size(); i++) {
        json.setLength(0);
        SequenceSummary.Counts.of(sequences.get(i)).appendJson(json);
        rows.add(AT.plusSeconds(i), "r" + i, 0, "m", 1, "primary", 0.25, "16S", 0.5, json, "ok");
      }
      log.append(rows);
      List<Map<String, Double>> read = new DriftChecks(db.dataSource())
          .predictionFeatures("m", 1, AT, AT.plusSeconds(sequences.size()), sequences.size());
      assertThat(read).hasSize(sequences.size());
      for (int i = 0; i < sequences.size(); i++) { // newest first
        Map<String, Double> expected = SequenceSummary.of(sequences.get(i));
        assertThat(read.get(sequences.size() - 1 - i)).as("sequence %d", i).isEqualTo(expected);
      }
    }
  }

  @Test
  void countsGiveTheSameColumnsAsTheSequence() {
    for (String s : List.of("", "A", "acgt", "ACGTN", "GGGGCCCCAT", "RYKM-.ACGU")) {
      SequenceSummary.Counts counts = SequenceSummary.Counts.of(s);
      Map<String, Double> columns = counts.columns();
      assertThat(columns.keySet()).containsExactlyElementsOf(SequenceSummary.COLUMNS);
      StringBuilder json = new StringBuilder();
      counts.appendJson(json);
      assertThat(Json.metrics(json.toString())).isEqualTo(columns);
    }
    assertThat(SequenceSummary.of("GGCAN")).containsEntry("length", 5.0).containsEntry("gc", 0.6)
        .containsEntry("a", 0.2).containsEntry("t", 0.0).containsEntry("ambiguous", 0.2);
  }

  @Test
  void textWithCopysSpecialCharactersFailedRowsAndRecordsRoundTrip() {
    try (RegistryDatabase db = TestPostgres.freshDatabase()) {
      PredictionLog log = new PredictionLog(db.dataSource());
      String odd = "a\tb\\c\nd\re \\N";
      log.append(new PredictionLog.Rows()
          .add(AT, odd, 0, "m", 2, "primary", 1.5e-4, odd, 0.75, "{\"length\":1.0}", "ok")
          .add(AT, "failed", 3, "m", 2, "canary", 0, null, 0, "{\"length\":2.0}", "model_error"));
      log.append(List.of(new PredictionRecord(AT.plusSeconds(1), "rec", 1, "m", 2, "shadow", 2.0, "5S", 0.9,
          Map.of("length", 3.0))));
      List<PredictionRecord> recent = log.recent("m", 10);
      assertThat(recent).extracting(PredictionRecord::requestId).containsExactly("rec", "failed", odd);
      PredictionRecord first = recent.get(2);
      assertThat(first.label()).isEqualTo(odd);
      assertThat(first.at()).isEqualTo(AT);
      assertThat(first.latencyMs()).isEqualTo(1.5e-4);
      assertThat(first.confidence()).isEqualTo(0.75);
      assertThat(first.features()).isEqualTo(Map.of("length", 1.0));
      PredictionRecord failed = recent.get(1);
      assertThat(failed.label()).isNull();
      assertThat(failed.outcome()).isEqualTo(PredictionRecord.MODEL_ERROR);
      assertThat(failed.item()).isEqualTo(3);
      assertThat(failed.route()).isEqualTo("canary");
      assertThat(recent.get(0).features()).isEqualTo(Map.of("length", 3.0));
    }
  }

  @Test
  void aBatchWithARowAlreadyLoggedWritesNothing() {
    try (RegistryDatabase db = TestPostgres.freshDatabase()) {
      PredictionLog log = new PredictionLog(db.dataSource());
      log.append(new PredictionLog.Rows().add(AT, "r", 0, "m", 1, "primary", 1, "16S", 0.9, "{}", "ok"));
      PredictionLog.Rows again = new PredictionLog.Rows()
          .add(AT, "other", 0, "m", 1, "primary", 1, "16S", 0.9, "{}", "ok")
          .add(AT, "r", 0, "m", 1, "primary", 1, "16S", 0.9, "{}", "ok");
      assertThatThrownBy(() -> log.append(again)).isInstanceOf(RegistryException.class);
      assertThat(log.recent("m", 10)).extracting(PredictionRecord::requestId).containsExactly("r");
    }
  }
}
