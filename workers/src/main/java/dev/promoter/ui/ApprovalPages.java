package dev.promoter.ui;

import dev.promoter.evaluation.ConfusionCells;
import dev.promoter.evaluation.ConfusionCells.Matrix;
import dev.promoter.experiment.HeldOutScoring;
import dev.promoter.service.ApprovalReview;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.LifecycleService;
import dev.promoter.service.ModelService;
import dev.promoter.service.ServiceException;
import dev.promoter.web.Actors;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One approval: the candidate beside the production holder it would replace, with everything a
 * reviewer weighs, and the decision form. A refused decision shows the rule's words here and
 * changes nothing; an accepted one leads to the run's page with its new status.
 */
@Controller
class ApprovalPages {
  private final ApprovalService approvals;
  private final LifecycleService lifecycles;
  private final ModelService models;

  ApprovalPages(ApprovalService approvals, LifecycleService lifecycles, ModelService models) {
    this.approvals = approvals;
    this.lifecycles = lifecycles;
    this.models = models;
  }

  @GetMapping("/approvals/{runId}")
  String approval(@PathVariable String runId, Model page) {
    show(runId, page);
    return "approval";
  }

  @PostMapping("/approvals/{runId}/decision")
  String decide(@PathVariable String runId, @RequestParam(required = false) String decision,
      @RequestParam(required = false) String reason, Authentication who, Model page,
      HttpServletResponse response, RedirectAttributes next) {
    boolean approve;
    if ("approve".equals(decision)) {
      approve = true;
    } else if ("reject".equals(decision)) {
      approve = false;
    } else {
      return refused(runId, page, response, reason, ServiceException.badInput(
          "decision must be 'approve' or 'reject'"));
    }
    LifecycleStatus status;
    try {
      status = approvals.decide(Actors.of(who), runId, approve, reason);
    } catch (ServiceException e) {
      return refused(runId, page, response, reason, e);
    }
    next.addFlashAttribute("notice", (approve ? "Approved" : "Rejected") + ": the run is now " + status + ".");
    return "redirect:/runs/" + runId;
  }

  private String refused(String runId, Model page, HttpServletResponse response, String reason,
      ServiceException e) {
    response.setStatus(e.kind().httpStatus());
    show(runId, page);
    page.addAttribute("refusal", e.getMessage());
    page.addAttribute("reason", reason);
    return "approval";
  }

  private void show(String runId, Model page) {
    ApprovalReview review = approvals.review(runId, lifecycles, models);
    Map<String, Double> candidate = review.candidate().metrics();
    Map<String, Double> production = review.productionMetrics();
    page.addAttribute("review", review);
    page.addAttribute("headline", Comparison.headline(candidate, production));
    page.addAttribute("perClass", Comparison.perClass(candidate, production));
    page.addAttribute("fragmentsPerClass", Comparison.perClass(prefixed(candidate), prefixed(production)));
    page.addAttribute("candidateHeatmap", heatmap(candidate, "", "candidate v" + review.candidate().version()));
    page.addAttribute("productionHeatmap", review.production() == null ? null
        : heatmap(production, "", "production v" + review.production().version()));
    page.addAttribute("candidateFragmentsHeatmap",
        heatmap(candidate, HeldOutScoring.FRAGMENTS, "candidate v" + review.candidate().version() + ", fragments"));
    page.addAttribute("productionFragmentsHeatmap", review.production() == null ? null
        : heatmap(production, HeldOutScoring.FRAGMENTS, "production v" + review.production().version() + ", fragments"));
    page.addAttribute("differentData", review.production() != null && !review.productionMeasuredInRun()
        && review.production().lineage() != null && review.candidate().lineage() != null
        && !java.util.Objects.equals(review.production().lineage().datasetDigest(),
            review.candidate().lineage().datasetDigest()));
  }

  private static Map<String, Double> prefixed(Map<String, Double> metrics) {
    if (metrics == null) {
      return null;
    }
    Map<String, Double> stripped = new java.util.HashMap<>();
    metrics.forEach((k, v) -> {
      if (k.startsWith(HeldOutScoring.FRAGMENTS)) {
        stripped.put(k.substring(HeldOutScoring.FRAGMENTS.length()), v);
      }
    });
    return stripped;
  }

  private static String heatmap(Map<String, Double> metrics, String prefix, String title) {
    Optional<Matrix> matrix = ConfusionCells.read(metrics, prefix);
    return matrix.map(m -> Heatmap.svg(m, title)).orElse(null);
  }
}
