package dev.promoter.web;

import dev.promoter.service.DriftService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A model's drift monitor and its checks. */
@RestController
@RequestMapping("/api/v1/models/{name}/drift")
class DriftController {
  private final DriftService drift;

  DriftController(DriftService drift) {
    this.drift = drift;
  }

  @GetMapping
  DriftService.DriftView show(@PathVariable String name, @RequestParam(defaultValue = "50") int limit) {
    return drift.show(name, limit);
  }

  /** Starts the monitor (201) or replaces its settings (200); an empty body takes every default. */
  @PutMapping
  ResponseEntity<DriftService.MonitorView> put(@PathVariable String name,
      @RequestBody(required = false) DriftService.SettingsSpec body, Authentication who) {
    DriftService.Started started = drift.put(Actors.of(who), name, body);
    return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK).body(started.monitor());
  }

  @DeleteMapping
  ResponseEntity<Void> stop(@PathVariable String name, Authentication who) {
    drift.stop(Actors.of(who), name);
    return ResponseEntity.noContent().build();
  }
}
