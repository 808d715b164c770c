package dev.promoter.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.deploy.RegisteredModels;
import dev.promoter.identity.TestRegistry;
import dev.promoter.inference.Prediction;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.PredictionLog;
import dev.promoter.registry.PredictionRecord;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.bundle.ModelBundle;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.serving.PredictionWriter;
import dev.promoter.serving.ServedModels;
import dev.promoter.serving.ServedVersion;
import dev.promoter.serving.ServingSettings;
import dev.promoter.serving.ServingState;
import dev.promoter.serving.TrainedModels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving on a real Postgres registry, a real file store and a really trained model: single and
 * batch answers, fallback to the previous production version, 400 against 503, the log written
 * off the request path, feedback, and the states a version goes through.
 */
class ServingServiceTest {
  private static final String M = "rrna";
  private final Actor sam = new Actor("sam", Set.of("submitter"));
  private final Actor vera = new Actor("vera", Set.of("viewer"));

  @TempDir Path dir;
  private RegistryDatabase db;
  private ModelRegistry registry;
  private FileArtifactStore store;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private PredictionWriter writer;
  private ServedModels served;

  @BeforeEach
  void open() throws Exception {
    db = TestRegistry.fresh();
    registry = new ModelRegistry(db.dataSource());
    store = new FileArtifactStore(dir.resolve("artifacts"));
  }

  @AfterEach
  void close() {
    if (writer != null) {
      writer.close();
    }
    db.close();
  }

  private ServingService service(ServingSettings settings) {
    return service(settings, new PredictionLog(db.dataSource()));
  }

  private ServingService service(ServingSettings settings, PredictionLog log) {
    writer = new PredictionWriter(log, settings, Clock.systemUTC(), meters);
    served = new ServedModels(registry, new RegisteredModels(registry, store), settings, Clock.systemUTC());
    return new ServingService(registry, served, writer, new PredictionLog(db.dataSource()), settings, meters,
        Clock.systemUTC());
  }

  private ServingService service() {
    return service(ServingSettings.DEFAULTS);
  }

  private int good(String key) {
    return TrainedModels.register(registry, store, M, key, TrainedModels.archive());
  }

  private void promote(int version) {
    registry.promote(M, version, "production", "alice", "test");
  }

  private static ServingService.Target production() {
    return ServingService.Target.of(null, null);
  }

  @Test
  void answersOneSequenceAndABatchInRequestOrderAsTheModelDoes() throws Exception {
    promote(good("v1"));
    ServingService serving = service();
    List<FastaRecord> test = TrainedModels.test();
    SequenceClassifier direct = new SequenceClassifier(ModelBundle.readArchive(
        new ByteArrayInputStream(TrainedModels.archive()), "direct"));

    ServingService.Answers one = serving.predict(M, production(), List.of(test.get(3).sequence()), true);
    assertThat(one.version()).isEqualTo(1);
    assertThat(one.route()).isEqualTo("primary");
    assertThat(one.requestId()).isNotBlank();
    ServingService.Answer a = one.answers().getFirst();
    Prediction expected = direct.classify(test.get(3).sequence());
    assertThat(a.label()).isEqualTo(expected.label());
    assertThat(a.confidence()).isEqualTo(expected.confidence());
    assertThat(a.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));

    List<String> sequences = test.stream().map(FastaRecord::sequence).toList();
    ServingService.Answers batch = serving.predict(M, production(), sequences, false);
    assertThat(batch.answers()).hasSize(sequences.size());
    assertThat(batch.answers().stream().map(ServingService.Answer::label).toList())
        .isEqualTo(direct.classify(sequences).stream().map(Prediction::label).toList());
    assertThat(batch.answers()).allSatisfy(x -> {
      assertThat(x.version()).isEqualTo(1);
      assertThat(x.route()).isEqualTo("primary");
    });
    long right = java.util.stream.IntStream.range(0, test.size())
        .filter(i -> test.get(i).attribute("class").equals(batch.answers().get(i).label())).count();
    assertThat(right).isGreaterThan(test.size() * 8L / 10); // a real model, not a constant

    StringBuilder fasta = new StringBuilder();
    test.subList(0, 3).forEach(r -> fasta.append('>').append(r.id()).append('\n').append(r.sequence()).append('\n'));
    ServingService.Answers fromFasta = serving.predictFasta(M, production(), fasta.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(fromFasta.answers().stream().map(ServingService.Answer::id).toList())
        .containsExactly(test.get(0).id(), test.get(1).id(), test.get(2).id());

    assertThat(serving.predict(M, ServingService.Target.of(null, 1), List.of("ACGTACGTAC"), true).version()).isEqualTo(1);
    assertThat(meters.get("promoter.serving.predictions").tags("model", M, "version", "1", "route", "primary")
        .timer().count()).isEqualTo(4);
  }

  @Test
  void aCorruptOrMissingCurrentVersionFallsBackToThePreviousProductionVersion() {
    int v1 = good("v1");
    int v2 = TrainedModels.registerCorrupt(registry, store, M, "v2");
    int v3 = TrainedModels.registerMissing(registry, store, M, "v3");
    promote(v1);
    promote(v2);
    ServingService serving = service(ServingSettings.DEFAULTS.withTimings(Duration.ZERO, Duration.ofMinutes(5)));

    ServingService.Answers corrupt = serving.predict(M, production(), List.of("ACGTTGCAACGTAGCTAGCTAGCATCG"), true);
    assertThat(corrupt.version()).isEqualTo(v1);
    assertThat(corrupt.route()).isEqualTo("fallback");
    assertThat(corrupt.answers().getFirst().route()).isEqualTo("fallback");

    promote(v3);
    ServingService.Answers missing = serving.predict(M, production(), List.of("ACGTTGCAACGTAGCTAGCTAGCATCG"), true);
    assertThat(missing.version()).isEqualTo(v1); // v3 missing, v2 corrupt, v1 answers
    assertThat(missing.route()).isEqualTo("fallback");

    List<ServedVersion.View> views = serving.serving(M).versions();
    assertThat(views).extracting(ServedVersion.View::version, ServedVersion.View::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple(v1, ServingState.ACTIVE),
        org.assertj.core.groups.Tuple.tuple(v2, ServingState.FAILED),
        org.assertj.core.groups.Tuple.tuple(v3, ServingState.FAILED));
    assertThat(views.get(1).cause()).startsWith("rrna v2 cannot serve:");
    assertThat(views.get(2).cause()).startsWith("rrna v3 cannot serve:").contains("not in the store");
    assertThat(serving.serving(M).aliases()).containsEntry("production", v3);
    assertThat(meters.get("promoter.serving.predictions").tags("version", "1", "route", "fallback").timer().count())
        .isEqualTo(2);
  }

  @Test
  void whenNoVersionCanAnswerItIsUnavailableNamingEachCause() {
    int v1 = TrainedModels.registerCorrupt(registry, store, M, "v1");
    promote(v1);
    ServingService serving = service();
    assertThatThrownBy(() -> serving.predict(M, production(), List.of("ACGTACGTACGT"), true))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
          assertThat(e.getMessage()).startsWith("rrna@production cannot answer: rrna v1 cannot serve:");
        });
    assertThatThrownBy(() -> serving.predict(M, ServingService.Target.of(null, 7), List.of("ACGT"), true))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    assertThatThrownBy(() -> serving.predict(M, ServingService.Target.of("staging", null), List.of("ACGT"), true))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
          assertThat(e.getMessage()).isEqualTo("model 'rrna' has no alias 'staging'");
        });
  }

  @Test
  void badInputIsRefusedWithTheClisMessageAndCountsAgainstNoVersion() {
    promote(good("v1"));
    ServingService serving = service();
    serving.predict(M, production(), List.of("ACGTACGTAAAC"), true);
    badInput(() -> serving.predict(M, production(), List.of("ACGTE"), true),
        "sequence: invalid nucleotide 'E' at column 5 (allowed: IUPAC ACGTURYSWKMBDHVN, gaps - .)");
    badInput(() -> serving.predict(M, production(), List.of("ACGT", "AC*T"), false),
        "sequences[1]: invalid nucleotide '*' at column 3 (allowed: IUPAC ACGTURYSWKMBDHVN, gaps - .)");
    badInput(() -> serving.predict(M, production(), List.of(""), true), "sequence: no bases (an empty string, or gaps and whitespace only)");
    badInput(() -> serving.predict(M, production(), List.of(), false), "no sequences");
    badInput(() -> serving.predict(M, production(), List.of("A".repeat(50_001)), true),
        "sequence is 50001 bases long; at most 50000 are served");
    badInput(() -> serving.predict(M, production(), Collections.nCopies(1001, "ACGT"), false),
        "a request holds at most 1000 sequences; this one holds 1001");
    badInput(() -> serving.predictFasta(M, production(), "ACGT\n".getBytes(StandardCharsets.UTF_8)),
        "request body:1: data before the first '>' header");
    assertThat(serving.predict(M, production(), Collections.nCopies(1000, "ACGTACGTAAAC"), false).answers()).hasSize(1000);
    ServedVersion.View v1 = serving.serving(M).versions().getFirst();
    assertThat(v1.requests()).isEqualTo(2);
    assertThat(v1.errors()).isZero();
    assertThat(v1.state()).isEqualTo(ServingState.ACTIVE);
  }

  @Test
  void followsAnAliasMoveAndLoadsEachDigestOnce() {
    int v1 = good("v1");
    int v2 = good("v2"); // same artifact: one digest
    promote(v1);
    ServingService serving = service(ServingSettings.DEFAULTS.withTimings(Duration.ZERO, Duration.ofMinutes(5)));
    assertThat(serving.predict(M, production(), List.of("ACGTACGTAAAC"), true).version()).isEqualTo(v1);
    promote(v2);
    ServingService.Answers after = serving.predict(M, production(), List.of("ACGTACGTAAAC"), true);
    assertThat(after.version()).isEqualTo(v2);
    assertThat(after.route()).isEqualTo("primary");
    assertThat(served.ready(M, v1).classifier()).isSameAs(served.ready(M, v2).classifier());
  }

  @Test
  void aVersionOverItsLatencyLimitIsDegradedAndStillAnswers() {
    promote(good("v1"));
    ServingSettings slow = new ServingSettings(1000, 50_000, Duration.ofSeconds(1), Duration.ofSeconds(30), 10, 2,
        0.05, Duration.ofNanos(1), 100, 10, Duration.ofDays(30));
    ServingService serving = service(slow);
    serving.predict(M, production(), List.of("ACGTACGTAAAC"), true);
    assertThat(serving.serving(M).versions().getFirst().state()).isEqualTo(ServingState.ACTIVE);
    assertThat(serving.predict(M, production(), List.of("ACGTACGTAAAC"), true).route()).isEqualTo("primary");
    ServedVersion.View v = serving.serving(M).versions().getFirst();
    assertThat(v.state()).isEqualTo(ServingState.DEGRADED);
    assertThat(v.cause()).startsWith("p95 latency");
  }

  @Test
  void theLogIsWrittenOffTheRequestPathAndFeedbackRecordsTrueLabels() throws Exception {
    promote(good("v1"));
    ServingService serving = service();
    ServingService.Answers batch = serving.predict(M, production(), List.of("ACGTACGTAAAC", "GGGGCCCCNNAT"), false);
    writer.flush();
    PredictionLog log = new PredictionLog(db.dataSource());
    List<PredictionRecord> rows = log.recent(M, 10);
    assertThat(rows).hasSize(2).allSatisfy(r -> {
      assertThat(r.requestId()).isEqualTo(batch.requestId());
      assertThat(r.version()).isEqualTo(1);
      assertThat(r.route()).isEqualTo("primary");
      assertThat(r.latencyMs()).isPositive();
    });
    PredictionRecord second = rows.stream().filter(r -> r.item() == 1).findFirst().orElseThrow();
    assertThat(second.label()).isEqualTo(batch.answers().get(1).label());
    assertThat(second.features()).containsEntry("length", 12.0).containsEntry("gc", 8 / 12.0)
        .containsEntry("ambiguous", 2 / 12.0);

    serving.feedback(sam, M, batch.requestId(), 1, "16S");
    assertThat(log.feedbackLabel(batch.requestId(), 1)).isEqualTo("16S");
    refused(() -> serving.feedback(vera, M, batch.requestId(), 0, "16S"), ErrorKind.FORBIDDEN, "cannot send feedback");
    refused(() -> serving.feedback(sam, M, "nope", 0, "16S"), ErrorKind.NOT_FOUND, "logged no prediction nope");
    refused(() -> serving.feedback(sam, M, batch.requestId(), 0, " "), ErrorKind.BAD_INPUT, "\"label\" is required");

    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("UPDATE prediction_log SET label = 'x'")).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.execute("DELETE FROM prediction_log")).hasMessageContaining("append-only");
    }
    assertThat(log.deleteBefore(Instant.now().plusSeconds(60))).isEqualTo(2); // retention may delete
    assertThat(log.recent(M, 10)).isEmpty();
  }

  @Test
  void aLogOutageNeverFailsAPrediction() {
    promote(good("v1"));
    RegistryDatabase other = TestRegistry.fresh();
    PredictionLog gone = new PredictionLog(other.dataSource());
    other.close();
    ServingService serving = service(ServingSettings.DEFAULTS, gone);
    assertThat(serving.predict(M, production(), List.of("ACGTACGTAAAC", "ACGT"), false).answers()).hasSize(2);
    writer.flush();
    assertThat(meters.get("promoter.serving.log.dropped").counter().count()).isEqualTo(2);
  }

  private static void badInput(Runnable call, String message) {
    refused(call, ErrorKind.BAD_INPUT, message);
  }

  private static void refused(Runnable call, ErrorKind kind, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(kind);
      assertThat(e.getMessage()).contains(message);
    });
  }
}
