package dev.promoter.web;

import dev.promoter.registry.ApprovalRecord;
import dev.promoter.service.ApprovalService;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The approval inbox. */
@RestController
class ApprovalController {
  private final ApprovalService approvals;

  ApprovalController(ApprovalService approvals) {
    this.approvals = approvals;
  }

  @GetMapping("/api/v1/approvals")
  List<ApprovalRecord> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String model) {
    return approvals.list(status == null ? null : status.toUpperCase(Locale.ROOT), model);
  }
}
