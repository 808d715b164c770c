package dev.promoter.ui;

import dev.promoter.registry.Page;
import dev.promoter.registry.RunSummary;
import dev.promoter.registry.TrafficSplit;
import dev.promoter.service.LifecycleService;
import dev.promoter.service.ServingService;
import dev.promoter.service.RunView;
import dev.promoter.service.ServiceException;
import dev.promoter.web.Actors;
import dev.promoter.workflows.rollout.Rollout;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Lifecycle runs: the list, one run (its page polls a fragment of itself while the run is
 * open, so candidates and steps appear as they happen), and the start form.
 */
@Controller
class RunPages {
  static final Set<String> OPEN = Set.of("RUNNING", "AWAITING_APPROVAL");
  static final List<String> TRAINERS = List.of("logreg", "xgboost", "forest", "cnn");
  private static final int PAGE_SIZE = 50;
  // the defaults a blank deployment field takes, shown as the fields' placeholders
  private static final Rollout DEFAULTS = new Rollout(Rollout.CANARY, null, null, null, null);
  private final LifecycleService lifecycles;
  private final ServingService serving;

  RunPages(LifecycleService lifecycles, ServingService serving) {
    this.lifecycles = lifecycles;
    this.serving = serving;
  }

  /**
   * A run in the list, with the step it is in when it is open.
   *
   * @param run the registry's record
   * @param step the workflow's current step, or null (ended, or the engine did not answer)
   */
  record RunRow(RunSummary run, String step) {}

  @GetMapping("/runs")
  String runs(@RequestParam(required = false) String model, @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, Model view) {
    Page<RunSummary> runs = lifecycles.list(InboxPages.blankToNull(model), InboxPages.blankToNull(status),
        page, PAGE_SIZE);
    List<RunRow> rows = new ArrayList<>();
    for (RunSummary run : runs.items()) {
      rows.add(new RunRow(run, OPEN.contains(run.status()) ? stepOf(run.runId()) : null));
    }
    view.addAttribute("rows", rows);
    view.addAttribute("runs", runs);
    view.addAttribute("model", InboxPages.blankToNull(model));
    view.addAttribute("status", InboxPages.blankToNull(status));
    return "runs";
  }

  private String stepOf(String runId) {
    try {
      RunView view = lifecycles.get(runId);
      return view.progress() == null ? null : view.progress().step();
    } catch (ServiceException e) {
      return null; // the list still shows what the registry knows
    }
  }

  @GetMapping("/runs/{runId}")
  String run(@PathVariable String runId, Model view) {
    show(runId, view);
    return "run";
  }

  /** The part of the run page that changes, for the page's own polling. */
  @GetMapping("/runs/{runId}/live")
  String live(@PathVariable String runId, Model view) {
    show(runId, view);
    return "run :: live";
  }

  private void show(String runId, Model view) {
    RunView run = lifecycles.get(runId);
    view.addAttribute("view", run);
    view.addAttribute("verdict", RolloutRows.verdict(run));
    Rollout plan = lifecycles.rollout(run.run()).orElse(null);
    boolean splitting = run.progress() != null && plan != null;
    // the split's start tells when the running step's gates are read; only an open rollout has one
    List<TrafficSplit> splits = splitting ? serving.serving(run.run().modelName()).splits() : List.of();
    view.addAttribute("rollout", RolloutView.of(run, plan, splits));
  }

  @GetMapping("/runs/new")
  String form(Model view) {
    view.addAttribute("form", new StartForm());
    choices(view);
    return "run-new";
  }

  /** The start form's lists: trainers, the strategies this server accepts, the approval moments. */
  private static void choices(Model view) {
    view.addAttribute("trainers", TRAINERS);
    view.addAttribute("strategies", DeploymentFields.choices());
    view.addAttribute("decides", DeploymentFields.decidesChoices());
    view.addAttribute("defaults", DEFAULTS);
  }

  @PostMapping("/runs")
  String start(@ModelAttribute("form") StartForm form, Authentication who, Model view,
      HttpServletResponse response, RedirectAttributes next) {
    String runId;
    try {
      runId = lifecycles.start(Actors.of(who), form.toSpec());
    } catch (ServiceException e) {
      response.setStatus(e.kind().httpStatus());
      view.addAttribute("problem", e.getMessage());
      choices(view);
      return "run-new";
    }
    next.addFlashAttribute("notice", "Started " + runId + ".");
    return "redirect:/runs/" + runId;
  }
}
