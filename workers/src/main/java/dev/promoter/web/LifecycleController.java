package dev.promoter.web;

import dev.promoter.registry.Page;
import dev.promoter.registry.RunSummary;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.LifecycleService;
import dev.promoter.service.LifecycleSpec;
import dev.promoter.service.RunView;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lifecycle runs: start, list, follow, decide. */
@RestController
@RequestMapping("/api/v1/lifecycles")
class LifecycleController {
  private final LifecycleService lifecycles;
  private final ApprovalService approvals;

  LifecycleController(LifecycleService lifecycles, ApprovalService approvals) {
    this.lifecycles = lifecycles;
    this.approvals = approvals;
  }

  /** The answer to a start. */
  record Started(String runId, String status) {}

  /** A decision's body. */
  record DecisionBody(String reason) {}

  /** The run's status once it has acted on a decision. */
  record Decided(String runId, LifecycleStatus status) {}

  @PostMapping
  ResponseEntity<Started> start(@RequestBody LifecycleSpec spec, Authentication who) {
    String runId = lifecycles.start(Actors.of(who), spec);
    return ResponseEntity.accepted().location(URI.create("/api/v1/lifecycles/" + runId))
        .body(new Started(runId, "RUNNING"));
  }

  @GetMapping
  Page<RunSummary> list(@RequestParam(required = false) String model,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return lifecycles.list(model, status, page, size);
  }

  @GetMapping("/{runId}")
  RunView get(@PathVariable String runId) {
    return lifecycles.get(runId);
  }

  @PostMapping("/{runId}/approve")
  Decided approve(@PathVariable String runId, @RequestBody(required = false) DecisionBody body,
      Authentication who) {
    return new Decided(runId, approvals.decide(Actors.of(who), runId, true, body == null ? null : body.reason()));
  }

  @PostMapping("/{runId}/reject")
  Decided reject(@PathVariable String runId, @RequestBody(required = false) DecisionBody body,
      Authentication who) {
    return new Decided(runId, approvals.decide(Actors.of(who), runId, false, body == null ? null : body.reason()));
  }
}
