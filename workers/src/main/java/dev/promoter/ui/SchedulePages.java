package dev.promoter.ui;

import dev.promoter.service.ScheduleService;
import dev.promoter.service.ServiceException;
import dev.promoter.web.Actors;
import dev.promoter.workflows.retrain.OverlapPolicy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Retraining schedules: the list with next fire times, create (submitters) and delete (admins). */
@Controller
class SchedulePages {
  private final ScheduleService schedules;

  SchedulePages(ScheduleService schedules) {
    this.schedules = schedules;
  }

  /** The create form: a name, a cron line, an overlap policy and the run each time starts. */
  public static final class ScheduleForm {
    private String name = "";
    private String cron = "0 3 * * 1";
    private String overlap = "SKIP";
    private StartForm lifecycle = new StartForm();

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCron() { return cron; }
    public void setCron(String cron) { this.cron = cron; }
    public String getOverlap() { return overlap; }
    public void setOverlap(String overlap) { this.overlap = overlap; }
    public StartForm getLifecycle() { return lifecycle; }
    public void setLifecycle(StartForm lifecycle) { this.lifecycle = lifecycle; }

    OverlapPolicy policy() {
      try {
        return OverlapPolicy.valueOf(overlap == null ? "SKIP" : overlap.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ServiceException.badInput("overlap must be SKIP or BUFFER_ONE, not '" + overlap + "'");
      }
    }
  }

  @GetMapping("/schedules")
  String list(Model view) {
    return page(view, new ScheduleForm());
  }

  private String page(Model view, ScheduleForm form) {
    view.addAttribute("schedules", schedules.list());
    view.addAttribute("form", form);
    view.addAttribute("trainers", RunPages.TRAINERS);
    return "schedules";
  }

  @PostMapping("/schedules")
  String create(@ModelAttribute("form") ScheduleForm form, Authentication who, Model view,
      HttpServletResponse response, RedirectAttributes next) {
    try {
      schedules.create(Actors.of(who), form.getName(), form.getCron(), form.policy(), form.getLifecycle().toSpec());
    } catch (ServiceException e) {
      response.setStatus(e.kind().httpStatus());
      view.addAttribute("problem", e.getMessage());
      return page(view, form);
    }
    next.addFlashAttribute("notice", "Schedule " + form.getName() + " created.");
    return "redirect:/schedules";
  }

  @PostMapping("/schedules/{name}/delete")
  String delete(@PathVariable String name, Authentication who, Model view,
      HttpServletResponse response, RedirectAttributes next) {
    try {
      schedules.delete(Actors.of(who), name);
    } catch (ServiceException e) {
      response.setStatus(e.kind().httpStatus());
      view.addAttribute("problem", e.getMessage());
      return page(view, new ScheduleForm());
    }
    next.addFlashAttribute("notice", "Schedule " + name + " deleted; runs it started go on.");
    return "redirect:/schedules";
  }
}
