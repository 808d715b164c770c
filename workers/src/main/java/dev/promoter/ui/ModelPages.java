package dev.promoter.ui;

import dev.promoter.registry.AliasMove;
import dev.promoter.registry.AuditEntry;
import dev.promoter.registry.ModelVersion;
import dev.promoter.registry.Page;
import dev.promoter.service.ModelService;
import dev.promoter.service.ServiceException;
import dev.promoter.service.ServingService;
import dev.promoter.web.Actors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Models: the list, one model's versions, serving states, drift monitor with its recent checks
 * and audit timeline, and for admins the two operator
 * moves. Each move takes two steps: the form leads to a confirmation that names the holder the
 * admin saw; confirming sends that holder along, so a move someone else made meanwhile is
 * refused (409) instead of being overwritten.
 */
@Controller
class ModelPages {
  private static final int PAGE_SIZE = 50;
  private static final int TIMELINE = 200;
  private static final int DRIFT_CHECKS = 20;
  private final ModelService models;
  private final ServingService serving;
  private final dev.promoter.service.DriftService drift;

  ModelPages(ModelService models, ServingService serving, dev.promoter.service.DriftService drift) {
    this.models = models;
    this.serving = serving;
    this.drift = drift;
  }

  @GetMapping("/models")
  String models(@RequestParam(defaultValue = "0") int page, Model view) {
    view.addAttribute("models", models.models(page, PAGE_SIZE));
    return "models";
  }

  @GetMapping("/models/{name}")
  String model(@PathVariable String name, Model view) {
    show(name, view);
    return "model";
  }

  private void show(String name, Model view) {
    List<ModelVersion> versions = new ArrayList<>(models.model(name).versions());
    Collections.reverse(versions);
    view.addAttribute("name", name);
    view.addAttribute("versions", versions);
    view.addAttribute("timeline", timeline(name));
    ServingService.ServingView served = serving.serving(name);
    view.addAttribute("serving", served.versions());
    view.addAttribute("splits", served.splits());
    dev.promoter.service.DriftService.DriftView checks = drift.show(name, DRIFT_CHECKS);
    view.addAttribute("drift", checks);
    view.addAttribute("nextCheck", nextCheck(checks));
  }

  /** About when the monitor checks next: its last check plus its interval; null without both. */
  private static java.time.Instant nextCheck(dev.promoter.service.DriftService.DriftView drift) {
    if (drift.monitor() == null || drift.checks().isEmpty()) {
      return null;
    }
    return drift.checks().getFirst().checkedAt().plus(drift.monitor().settings().interval());
  }

  /** The newest {@value #TIMELINE} audit entries, newest first. */
  private List<AuditEntry> timeline(String name) {
    Page<AuditEntry> first = models.audit(name, 0, 1);
    long total = first.total();
    List<AuditEntry> entries = new ArrayList<>();
    if (total > 0) {
      int lastPage = (int) ((total - 1) / TIMELINE);
      entries.addAll(models.audit(name, lastPage, TIMELINE).items());
      if (entries.size() < TIMELINE && lastPage > 0) {
        entries.addAll(0, models.audit(name, lastPage - 1, TIMELINE).items());
      }
    }
    Collections.reverse(entries);
    return entries.size() > TIMELINE ? entries.subList(0, TIMELINE) : entries;
  }

  @PostMapping("/models/{name}/promote")
  String promote(@PathVariable String name, @RequestParam(required = false) Integer version,
      @RequestParam(defaultValue = "production") String alias, @RequestParam(required = false) String reason,
      @RequestParam(required = false) Integer expected, @RequestParam(required = false) String confirm,
      Authentication who, Model view, HttpServletResponse response, RedirectAttributes next) {
    try {
      if (version == null) {
        throw ServiceException.badInput("choose the version to promote");
      }
      if (reason == null || reason.isBlank()) {
        throw ServiceException.badInput("a reason is required: it goes into the audit log");
      }
      if (!"yes".equals(confirm)) {
        ModelVersion holder = models.holder(name, alias);
        models.version(name, version); // a version that does not exist is refused before the confirmation
        return confirmation(view, name, "promote", alias, version, holder, reason);
      }
      AliasMove move = models.promote(Actors.of(who), name, alias, version, reason, expected);
      next.addFlashAttribute("notice", move.changed()
          ? "v" + move.toVersion() + " now holds " + alias + " (was " + holderText(move.fromVersion()) + ")."
          : "v" + move.toVersion() + " already held " + alias + ": nothing changed.");
      return "redirect:/models/" + name;
    } catch (ServiceException e) {
      return problem(name, view, response, e);
    }
  }

  @PostMapping("/models/{name}/rollback")
  String rollback(@PathVariable String name, @RequestParam(defaultValue = "production") String alias,
      @RequestParam(required = false) String reason, @RequestParam(required = false) Integer expected,
      @RequestParam(required = false) String confirm, Authentication who, Model view,
      HttpServletResponse response, RedirectAttributes next) {
    try {
      if (reason == null || reason.isBlank()) {
        throw ServiceException.badInput("a reason is required: it goes into the audit log");
      }
      if (!"yes".equals(confirm)) {
        ModelVersion holder = models.holder(name, alias);
        if (holder == null) {
          throw ServiceException.conflict("no version holds " + alias + ": there is nothing to roll back");
        }
        return confirmation(view, name, "rollback", alias, null, holder, reason);
      }
      AliasMove move = models.rollback(Actors.of(who), name, alias, reason, expected);
      next.addFlashAttribute("notice", alias + " rolled back from " + holderText(move.fromVersion())
          + " to v" + move.toVersion() + ".");
      return "redirect:/models/" + name;
    } catch (ServiceException e) {
      return problem(name, view, response, e);
    }
  }

  private static String confirmation(Model view, String name, String action, String alias,
      Integer version, ModelVersion holder, String reason) {
    view.addAttribute("name", name);
    view.addAttribute("action", action);
    view.addAttribute("alias", alias);
    view.addAttribute("version", version);
    view.addAttribute("holder", holder);
    view.addAttribute("expected", holder == null ? 0 : holder.version());
    view.addAttribute("reason", reason);
    return "model-confirm";
  }

  private String problem(String name, Model view, HttpServletResponse response, ServiceException e) {
    response.setStatus(e.kind().httpStatus());
    show(name, view);
    view.addAttribute("problem", e.getMessage());
    return "model";
  }

  private static String holderText(Integer version) {
    return version == null ? "unset" : "v" + version;
  }
}
