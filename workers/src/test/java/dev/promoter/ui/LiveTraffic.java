package dev.promoter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.sequence.FastaRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real prediction requests and feedback sent to a running server's REST API while a browser
 * watches the pages, as a client application would: one caller key per request, the true label
 * fed back for every third answer.
 */
final class LiveTraffic implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  // a steady client, not a flood: enough requests for every gate in a 10 s step on a loaded
  // machine, few enough that a later drift check is not drowned in them
  private static final long EVERY_MS = 40;
  private static final int BATCH = 4;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  LiveTraffic(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /**
   * Sends a batch of {@value #BATCH} sequences every {@value #EVERY_MS} ms until closed, cycling
   * through {@code records}, and feeds back the first answer's label of every third batch. On a
   * loaded machine the requests slow down and the rate falls; the batches keep enough
   * predictions in each step for its gates to judge.
   */
  LiveTraffic flow(String model, List<FastaRecord> records) {
    clock.scheduleAtFixedRate(() -> {
      int i = sent.getAndIncrement();
      List<FastaRecord> batch = new ArrayList<>();
      for (int k = 0; k < BATCH; k++) {
        batch.add(records.get((i * BATCH + k) % records.size()));
      }
      try {
        JsonNode answer = predict(model, "caller-" + (i % 97),
            Map.of("sequences", batch.stream().map(FastaRecord::sequence).toList()));
        if (i % 3 == 0) {
          feedback(model, answer.get("requestId").asText(), batch.getFirst().attribute("class"));
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }, 0, EVERY_MS, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Sends {@code sequences} in batches of 20 and returns once all were answered. */
  void predictAll(String model, List<String> sequences) throws Exception {
    for (int from = 0; from < sequences.size(); from += 20) {
      predict(model, "batch", Map.of("sequences", sequences.subList(from, Math.min(sequences.size(), from + 20))));
    }
  }

  JsonNode predict(String model, String key, Map<String, Object> body) throws Exception {
    HttpResponse<String> answer = send("POST", "/api/v1/models/" + model + "/predict", JSON.writeValueAsString(body),
        Map.of("X-Request-Key", key));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private void feedback(String model, String requestId, String label) throws Exception {
    HttpResponse<String> fed = send("POST", "/api/v1/models/" + model + "/feedback",
        JSON.writeValueAsString(Map.of("requestId", requestId, "item", 0, "label", label)), Map.of());
    assertThat(fed.statusCode()).as(fed.body()).isEqualTo(201);
  }

  HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Stops the flow; a request that failed while it ran fails the test here. */
  @Override
  public void close() throws Exception {
    clock.shutdown(); // the request in flight finishes; no new one starts
    assertThat(clock.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    if (failure.get() != null) {
      throw new AssertionError("live traffic failed after " + sent.get() + " requests", failure.get());
    }
  }

  /** The same records with every class renamed to the next one: a dataset that lies. */
  static Path relabelled(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (String part : List.of("train.fasta", "test.fasta")) {
      List<String> lines = Files.readAllLines(from.resolve(part));
      List<String> classes = lines.stream().filter(l -> l.startsWith(">")).map(LiveTraffic::classOf).distinct()
          .sorted().toList();
      List<String> out = new ArrayList<>();
      for (String line : lines) {
        if (line.startsWith(">")) {
          String c = classOf(line);
          line = line.replace("class=" + c, "class=" + classes.get((classes.indexOf(c) + 1) % classes.size()));
        }
        out.add(line);
      }
      Files.write(to.resolve(part), out);
    }
    return to;
  }

  private static String classOf(String header) {
    return header.replaceAll(".*class=(\\S+).*", "$1");
  }

  /** The sequences with most G and C turned into A and T: traffic unlike the training data. */
  static List<String> atRich(List<FastaRecord> records) {
    Random random = new Random(7);
    return records.stream().map(r -> {
      char[] bases = r.sequence().toCharArray();
      for (int i = 0; i < bases.length; i++) {
        if ((bases[i] == 'G' || bases[i] == 'C') && random.nextDouble() < 0.6) {
          bases[i] = bases[i] == 'G' ? 'A' : 'T';
        }
      }
      return new String(bases);
    }).toList();
  }
}
