package dev.promoter.bpmn;

import dev.promoter.registry.PredictionLog;
import dev.promoter.registry.PredictionRecord;
import dev.promoter.registry.TrafficSplit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What serving logs while a rollout step bakes, written by the test into the real prediction
 * log (the gates read only the log and its feedback, never serving itself): the candidate's
 * answers on its route, the champion's answers, and the true label of each request fed back.
 * Rows are stamped just after the step's split took effect, the time the gates read from.
 */
final class Traffic {
  private static final String[] CLASSES = {"16S", "23S", "5S"};
  private final PredictionLog log;
  private final String model;
  private final Map<String, String> truths = new java.util.HashMap<>();

  Traffic(PredictionLog log, String model) {
    this.log = log;
    this.model = model;
  }

  /**
   * {@code n} requests answered by the candidate on {@code route} and scored by the champion on
   * the same requests ({@code championRoute}: {@code shadow} when the candidate answers, as in a
   * canary; {@code primary} when the candidate scores off the path, as in a shadow); the first
   * {@code candidateRight} and {@code championRight} answers of each are right.
   */
  void sameRequests(TrafficSplit split, int champion, String route, String championRoute, int n,
      int candidateRight, int championRight) {
    List<PredictionRecord> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = UUID.randomUUID().toString();
      Instant at = split.since().plusMillis(1 + i);
      rows.add(row(at, id, split.version(), route, i, i < candidateRight));
      rows.add(row(at, id, champion, championRoute, i, i < championRight));
    }
    log.append(rows);
    feedBack(rows);
  }

  /** An A/B test's two arms, each on requests of its own. */
  void twoArms(TrafficSplit split, int champion, int n, int candidateRight, int championRight) {
    List<PredictionRecord> rows = new ArrayList<>();
    for (int i = 0; i < 2 * n; i++) {
      boolean candidate = i % 2 == 0;
      int k = i / 2;
      rows.add(row(split.since().plusMillis(1 + i), UUID.randomUUID().toString(),
          candidate ? split.version() : champion, candidate ? "ab" : "primary", k,
          k < (candidate ? candidateRight : championRight)));
    }
    log.append(rows);
    feedBack(rows);
  }

  /** The true label of each request, once (a champion's shadow row shares its request). */
  private void feedBack(List<PredictionRecord> rows) {
    java.util.Set<String> sent = new java.util.HashSet<>();
    for (PredictionRecord r : rows) {
      if (!r.route().equals("shadow") && sent.add(r.requestId())) {
        log.feedback(model, r.requestId(), 0, truths.get(r.requestId()), "labeller");
      }
    }
  }

  private PredictionRecord row(Instant at, String id, int version, String route, int i, boolean right) {
    truths.put(id, truth(i));
    String label = right ? truth(i) : CLASSES[(i + 1) % CLASSES.length];
    return new PredictionRecord(at, id, 0, model, version, route, 3.0 + i % 5, label, 0.9,
        Map.of("gc", 0.5));
  }

  private static String truth(int i) {
    return CLASSES[i % CLASSES.length];
  }
}
