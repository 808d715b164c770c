package dev.promoter.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A lifecycle request body, as the REST API, the UI form and the CLI hand it over, is either a
 * checked request or a bad-input refusal naming the problem (HTTP 400 / exit 2), never another
 * exception: arbitrary JSON-ish bodies bound the way Spring binds them, then checked.
 */
class LifecycleRequestProperties {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static Path root;
  private static LifecycleRequests requests;

  @BeforeContainer
  static void dataRoot() throws IOException {
    root = Files.createTempDirectory("promoter-props");
    Path rrna = Files.createDirectories(root.resolve("rrna"));
    Files.writeString(rrna.resolve("train.fasta"), ">a class=16S\nACGT\n");
    Files.writeString(rrna.resolve("test.fasta"), ">b class=16S\nACGT\n");
    requests = new LifecycleRequests(root, Map.of("cpu", "cpu", "gpu", "gpu"));
  }

  @AfterContainer
  static void clean() throws IOException {
    try (var files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 1000)
  void aBodyIsARequestOrABadInputRefusal(@ForAll("bodies") String body) {
    LifecycleSpec spec;
    try {
      spec = JSON.readValue(body, LifecycleSpec.class);
    } catch (IOException e) {
      return; // malformed JSON: Spring answers 400 before the service sees it
    }
    try {
      LifecycleRequest request = requests.build(spec, "alice");
      assertThat(request.submittedBy()).isEqualTo("alice");
      assertThat(request.candidates()).isNotEmpty();
    } catch (ServiceException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.of("rrna", "../rrna", "/etc", "rrna/../../x", "", " ", "rrna\u0000", "x".repeat(300),
            "logreg", "cnn", "xgboost", "forest", "gpu", "cpu", "tpu", "macro_f1", "fragments.f1.16S", "f1.",
            "'; DROP TABLE lifecycle_runs; --", "P7D", "PT0S", "P365D", "-P1D", "k", "epochs", "lr"),
        Arbitraries.strings().ofMaxLength(20));
    Arbitrary<String> number = Arbitraries.of("0", "0.5", "1", "1.5", "-1", "1e308", "NaN", "\"0.9\"", "null", "\"x\"");
    Arbitrary<String> value = Arbitraries.oneOf(text.map(LifecycleRequestProperties::quoted), number);
    Arbitrary<String> params = Combinators.combine(text, value).as((k, v) -> quoted(k) + ":" + v)
        .list().ofMaxSize(3).map(l -> "{" + String.join(",", l) + "}");
    Arbitrary<String> candidate = Combinators.combine(text, text, text, params)
        .as((name, trainer, pool, p) -> "{\"name\":" + quoted(name) + ",\"trainer\":" + quoted(trainer)
            + ",\"pool\":" + quoted(pool) + ",\"params\":" + p + "}");
    Arbitrary<String> candidates = Arbitraries.oneOf(candidate.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
        Arbitraries.of("null", "[]", "{}", "\"logreg\""));
    return Combinators.combine(text, text, candidates, value, number, number, value)
        .as((model, dataset, c, metric, min, margin, timeout) -> "{\"model\":" + quoted(model)
            + ",\"dataset\":" + quoted(dataset) + ",\"candidates\":" + c + ",\"metric\":" + metric
            + ",\"minimum\":" + min + ",\"margin\":" + margin + ",\"approval\":{\"timeout\":" + timeout + "}}");
  }

  private static String quoted(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
