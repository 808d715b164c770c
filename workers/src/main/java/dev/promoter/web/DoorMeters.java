package dev.promoter.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of {@link PredictDoor}. A request the door answers skips Spring's observation filter,
 * so the door records {@code http.server.requests} itself, with the tags that filter gives the
 * same request (the serving dashboard reads its p99 by uri; Micrometer's observation handler adds
 * {@code error}, Spring's convention the rest); the timers are built once per status
 * and exception instead of once per request. {@code promoter.serving.door} counts which door took
 * each predict request.
 */
final class DoorMeters {
  /** The uri tag of a request that reached the predict handler. */
  static final String URI = "/api/v1/models/{name}/predict";

  private record Key(int status, String exception) {}

  private final MeterRegistry meters;
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
  private final Counter lean;
  private final Counter general;

  DoorMeters(MeterRegistry meters) {
    this.meters = meters;
    this.lean = door("lean");
    this.general = door("general");
  }

  /** A request the door answered: {@code exception} names what it answered, or is {@code none}. */
  void answered(int status, String exception, long nanos) {
    lean.increment();
    Key key = new Key(status, exception);
    Timer timer = timers.get(key);
    if (timer == null) {
      timer = timers.computeIfAbsent(key, k -> Timer.builder("http.server.requests")
          .tags("error", k.exception(), "exception", k.exception(), "method", "POST", "outcome", outcome(k.status()),
              "status", Integer.toString(k.status()), "uri", URI)
          .register(meters));
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A predict request left to the general chain. */
  void passed() {
    general.increment();
  }

  private Counter door(String which) {
    return Counter.builder("promoter.serving.door")
        .description("predict requests by the door that answered them: lean (the predict filter) or general")
        .tag("door", which).register(meters);
  }

  /** As Spring's server observation names a status's class. */
  private static String outcome(int status) {
    return switch (status / 100) {
      case 1 -> "INFORMATIONAL";
      case 2 -> "SUCCESS";
      case 3 -> "REDIRECTION";
      case 4 -> "CLIENT_ERROR";
      case 5 -> "SERVER_ERROR";
      default -> "UNKNOWN";
    };
  }
}
