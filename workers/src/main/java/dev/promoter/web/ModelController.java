package dev.promoter.web;

import dev.promoter.registry.AliasMove;
import dev.promoter.registry.AuditEntry;
import dev.promoter.registry.ModelSummary;
import dev.promoter.registry.ModelVersion;
import dev.promoter.registry.Page;
import dev.promoter.service.ModelService;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry: models, versions, audit, and operators' alias moves. */
@RestController
@RequestMapping("/api/v1/models")
class ModelController {
  private final ModelService models;

  ModelController(ModelService models) {
    this.models = models;
  }

  /** An operator's move of an alias to a version. */
  record AliasBody(Integer version, String reason, Integer ifCurrent) {}

  /** An operator's rollback. */
  record RollbackBody(String reason, Integer ifCurrent) {}

  /**
   * Models by name: {@code ?page=&size=} answers a page number and the total; {@code ?after=NAME}
   * (empty for the first page) answers the page after NAME and the cursor of the next one, at a
   * cost that does not grow with the page number.
   */
  @GetMapping
  Object list(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String after) {
    return after != null ? models.modelsAfter(after, size) : models.models(page, size);
  }

  @GetMapping("/{name}")
  ModelService.ModelDetail get(@PathVariable String name) {
    return models.model(name);
  }

  @GetMapping("/{name}/versions/{version}")
  ModelVersion version(@PathVariable String name, @PathVariable int version) {
    return models.version(name, version);
  }

  @GetMapping("/{name}/audit")
  Page<AuditEntry> audit(@PathVariable String name, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return models.audit(name, page, size);
  }

  @PutMapping("/{name}/aliases/{alias}")
  AliasMove move(@PathVariable String name, @PathVariable String alias,
      @RequestBody AliasBody body, Authentication who) {
    if (body.version() == null) {
      throw new dev.promoter.service.ServiceException(dev.promoter.service.ErrorKind.BAD_INPUT,
          "\"version\" is required");
    }
    return models.promote(Actors.of(who), name, alias, body.version(), body.reason(), body.ifCurrent());
  }

  @PostMapping("/{name}/aliases/{alias}/rollback")
  AliasMove rollback(@PathVariable String name, @PathVariable String alias,
      @RequestBody RollbackBody body, Authentication who) {
    return models.rollback(Actors.of(who), name, alias, body.reason(), body.ifCurrent());
  }
}
