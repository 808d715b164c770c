package dev.promoter.web;

import dev.promoter.service.ServiceException;
import dev.promoter.service.ServingService;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Online predictions, the serving state of a model's versions, and feedback with true labels. */
@RestController
@RequestMapping("/api/v1/models/{name}")
class ServingController {
  /** FASTA, as {@code promoter classify --fasta} reads it. */
  static final String FASTA = "text/x-fasta";

  private final ServingService serving;

  ServingController(ServingService serving) {
    this.serving = serving;
  }

  /** One sequence, or a batch of them. */
  record PredictBody(String sequence, List<String> sequences) {}

  /** A true label for a logged prediction; {@code item} is its position in a batch (default 0). */
  record FeedbackBody(String requestId, Integer item, String label) {}

  /** The answer to one sequence. */
  record Single(String requestId, String model, int version, String route, String label, double confidence,
      Map<String, Double> probabilities) {}

  /** The answers to a batch, in request order. */
  record Batch(String requestId, String model, int version, String route, List<ServingService.Answer> predictions) {}

  /** Routes a request under a traffic split; the same key always reaches the same version. */
  static final String REQUEST_KEY = "X-Request-Key";

  @PostMapping(path = "/predict", consumes = MediaType.APPLICATION_JSON_VALUE)
  Object predict(@PathVariable String name, @RequestParam(required = false) String alias,
      @RequestParam(required = false) Integer version, @RequestBody PredictBody body,
      @RequestHeader(name = REQUEST_KEY, required = false) String key, Authentication who) {
    return answer(serving, name, target(alias, version, key, who.getName()), body);
  }

  @PostMapping(path = "/predict", consumes = FASTA)
  Batch predictFasta(@PathVariable String name, @RequestParam(required = false) String alias,
      @RequestParam(required = false) Integer version, @RequestBody byte[] body,
      @RequestHeader(name = REQUEST_KEY, required = false) String key, Authentication who) {
    return batch(serving.predictFasta(name, target(alias, version, key, who.getName()), body));
  }

  /** The request's target; the caller's name routes it when it sends no key of its own. */
  static ServingService.Target target(String alias, Integer version, String key, String caller) {
    return ServingService.Target.of(alias, version, key == null ? caller : key);
  }

  /**
   * The answer to a JSON body: {@link Single} or {@link Batch}. Shared with {@link PredictDoor},
   * so that both doors give the same answer to the same body.
   */
  static Object answer(ServingService serving, String name, ServingService.Target target, PredictBody body) {
    if (body.sequence() != null && body.sequences() != null) {
      throw ServiceException.badInput("send \"sequence\" or \"sequences\", not both");
    }
    if (body.sequence() != null) {
      ServingService.Answers a = serving.predict(name, target, List.of(body.sequence()), true);
      ServingService.Answer one = a.answers().getFirst();
      return new Single(a.requestId(), a.model(), a.version(), a.route(), one.label(), one.confidence(),
          one.probabilities());
    }
    return batch(serving.predict(name, target, body.sequences() == null ? List.of() : body.sequences(), false));
  }

  @GetMapping("/serving")
  ServingService.ServingView serving(@PathVariable String name) {
    return serving.serving(name);
  }

  @PostMapping("/feedback")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> feedback(@PathVariable String name, @RequestBody FeedbackBody body, Authentication who) {
    serving.feedback(Actors.of(who), name, body.requestId(), body.item(), body.label());
    return Map.of("requestId", body.requestId(), "item", body.item() == null ? 0 : body.item(),
        "label", body.label().strip(), "recordedBy", who.getName());
  }

  static Batch batch(ServingService.Answers a) {
    return new Batch(a.requestId(), a.model(), a.version(), a.route(), a.answers());
  }
}
