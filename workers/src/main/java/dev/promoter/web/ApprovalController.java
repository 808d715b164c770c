package dev.promoter.web;

import dev.promoter.registry.ApprovalRecord;
import dev.promoter.service.ApprovalReview;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.LifecycleService;
import dev.promoter.service.ModelService;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The approval inbox. */
@RestController
class ApprovalController {
  private final ApprovalService approvals;
  private final LifecycleService lifecycles;
  private final ModelService models;

  ApprovalController(ApprovalService approvals, LifecycleService lifecycles, ModelService models) {
    this.approvals = approvals;
    this.lifecycles = lifecycles;
    this.models = models;
  }

  /** One request with its evidence: what the web UI's approval page shows. */
  @GetMapping("/api/v1/approvals/{runId}")
  ApprovalReview review(@PathVariable String runId) {
    return approvals.review(runId, lifecycles, models);
  }

  @GetMapping("/api/v1/approvals")
  List<ApprovalRecord> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String model) {
    return approvals.list(status == null ? null : status.toUpperCase(Locale.ROOT), model);
  }
}
