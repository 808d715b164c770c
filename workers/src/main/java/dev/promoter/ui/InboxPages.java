package dev.promoter.ui;

import dev.promoter.registry.ApprovalRecord;
import dev.promoter.registry.ModelVersion;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.ModelService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox: pending approvals, newest first, each with its headline figure against production. */
@Controller
class InboxPages {
  static final String HEADLINE = "macro_f1";
  private final ApprovalService approvals;
  private final ModelService models;

  InboxPages(ApprovalService approvals, ModelService models) {
    this.approvals = approvals;
    this.models = models;
  }

  /**
   * One waiting approval.
   *
   * @param approval the request
   * @param headline the candidate's {@value #HEADLINE} against the production holder's, as registered
   * @param productionVersion the version holding the target alias now, or null
   */
  record InboxRow(ApprovalRecord approval, Comparison.Row headline, Integer productionVersion) {}

  @GetMapping({"/", "/approvals"})
  String inbox(@RequestParam(required = false) String model, Model page) {
    List<ApprovalRecord> pending = approvals.list("PENDING", blankToNull(model));
    Map<String, ModelVersion> holders = new HashMap<>();
    List<InboxRow> rows = new ArrayList<>();
    for (ApprovalRecord a : pending) {
      ModelVersion candidate = models.version(a.modelName(), a.version());
      ModelVersion holder = holders.computeIfAbsent(a.modelName() + "\u0000" + a.targetAlias(),
          k -> models.holder(a.modelName(), a.targetAlias()));
      rows.add(new InboxRow(a, Comparison.row(HEADLINE, candidate.metrics(),
          holder == null ? null : holder.metrics()), holder == null ? null : holder.version()));
    }
    TreeSet<String> modelNames = new TreeSet<>();
    approvals.list("PENDING", null).forEach(a -> modelNames.add(a.modelName()));
    page.addAttribute("rows", rows);
    page.addAttribute("model", blankToNull(model));
    page.addAttribute("modelNames", modelNames);
    return "inbox";
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
