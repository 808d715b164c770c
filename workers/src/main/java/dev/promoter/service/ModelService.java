package dev.promoter.service;

import dev.promoter.registry.Roles;
import dev.promoter.registry.AliasMove;
import dev.promoter.registry.AuditEntry;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.ModelSummary;
import dev.promoter.registry.ModelVersion;
import dev.promoter.registry.Page;
import java.util.List;

/** The registry as users read it, and operators' alias moves. */
public final class ModelService {
  private final ModelRegistry registry;

  /** A service over the registry. */
  public ModelService(ModelRegistry registry) {
    this.registry = registry;
  }

  /**
   * A model and its versions.
   *
   * @param name the model
   * @param versions every version, oldest first, with status, aliases, metrics and lineage
   */
  public record ModelDetail(String name, List<ModelVersion> versions) {}

  /** One page of models by name. */
  public Page<ModelSummary> models(int page, int size) {
    return Failures.translated(() -> registry.models(page, size));
  }

  /** Models after a name, by keyset: no offset, no total. */
  public dev.promoter.registry.Slice<ModelSummary> modelsAfter(String after, int size) {
    return Failures.translated(() -> registry.modelsAfter(after, size));
  }

  /** A model with its versions. */
  public ModelDetail model(String name) {
    return Failures.translated(() -> new ModelDetail(name, registry.versions(name)));
  }

  /** One version. */
  public ModelVersion version(String name, int version) {
    return Failures.translated(() -> registry.version(name, version));
  }

  /** The version holding {@code alias}, or null when none does. */
  public ModelVersion holder(String name, String alias) {
    return Failures.translated(() -> registry.versions(name)).stream()
        .filter(v -> v.aliases().contains(alias)).findFirst().orElse(null);
  }

  /** One page of a model's audit log, oldest first. */
  public Page<AuditEntry> audit(String name, int page, int size) {
    return Failures.translated(() -> registry.audit(name, page, size));
  }

  /**
   * An operator points an alias at a version outside any lifecycle: admin only, with a reason,
   * audited as an operator's act. {@code ifCurrent}: only if that version holds it now (0: unset).
   */
  public AliasMove promote(Actor actor, String name, String alias, int version, String reason,
      Integer ifCurrent) {
    actor.require(Roles.ADMIN, "move an alias by hand");
    requireReason(reason);
    return Failures.translated(() ->
        registry.promoteAsOperator(name, version, alias, actor.name(), reason, ifCurrent));
  }

  /** An operator gives an alias back to its previous holder; admin only, with a reason. */
  public AliasMove rollback(Actor actor, String name, String alias, String reason, Integer ifCurrent) {
    actor.require(Roles.ADMIN, "roll an alias back by hand");
    requireReason(reason);
    return Failures.translated(() ->
        registry.rollbackAsOperator(name, alias, actor.name(), reason, ifCurrent));
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ServiceException.badInput("a reason is required: it goes into the audit log");
    }
  }
}
