package dev.promoter.web;

import dev.promoter.service.LifecycleSpec;
import dev.promoter.service.ScheduleService;
import dev.promoter.workflows.retrain.OverlapPolicy;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Retraining schedules. */
@RestController
@RequestMapping("/api/v1/schedules")
class ScheduleController {
  private final ScheduleService schedules;

  ScheduleController(ScheduleService schedules) {
    this.schedules = schedules;
  }

  /** A new schedule: a name, a cron expression, an overlap policy and the run it starts. */
  record ScheduleBody(String name, String cron, OverlapPolicy overlap, LifecycleSpec lifecycle) {}

  @PostMapping
  ResponseEntity<ScheduleService.ScheduleView> create(@RequestBody ScheduleBody body, Authentication who) {
    ScheduleService.ScheduleView view = schedules.create(Actors.of(who), body.name(), body.cron(),
        body.overlap(), body.lifecycle());
    return ResponseEntity.created(URI.create("/api/v1/schedules/" + view.name())).body(view);
  }

  @GetMapping
  List<ScheduleService.ScheduleView> list() {
    return schedules.list();
  }

  @DeleteMapping("/{name}")
  ResponseEntity<Void> delete(@PathVariable String name, Authentication who) {
    schedules.delete(Actors.of(who), name);
    return ResponseEntity.noContent().build();
  }
}
