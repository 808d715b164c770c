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
  private static final String PRODUCTION = "production";
  private final ModelRegistry registry;
  private final BlueGreenWakeups wakeups;

  /** A service over the registry that tells no run of its alias moves. */
  public ModelService(ModelRegistry registry) {
    this(registry, null);
  }

  /**
   * A service whose moves of {@code production} wake the model's open blue-green runs, so one in
   * its keep-warm window ends it at once ({@link BlueGreenWakeups}).
   */
  ModelService(ModelRegistry registry, BlueGreenWakeups wakeups) {
    this.registry = registry;
    this.wakeups = wakeups;
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
    return moved(Failures.translated(() ->
        registry.promoteAsOperator(name, version, alias, actor.name(), reason, ifCurrent)));
  }

  /** An operator gives an alias back to its previous holder; admin only, with a reason. */
  public AliasMove rollback(Actor actor, String name, String alias, String reason, Integer ifCurrent) {
    actor.require(Roles.ADMIN, "roll an alias back by hand");
    requireReason(reason);
    return moved(Failures.translated(() ->
        registry.rollbackAsOperator(name, alias, actor.name(), reason, ifCurrent)));
  }

  /**
   * After a move of production that wrote something: a blue-green run keeping the old champion
   * warm learns of it now rather than when its window ends. A rollback is the case that matters
   * (the old champion is production again, nothing is left to keep warm); a promotion of another
   * version counts too, since the run's version no longer holds production either. Best effort:
   * the move is done and is answered whatever happens here.
   */
  private AliasMove moved(AliasMove move) {
    if (wakeups != null && move.changed() && PRODUCTION.equals(move.alias())) {
      wakeups.productionMoved(move.modelName());
    }
    return move;
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ServiceException.badInput("a reason is required: it goes into the audit log");
    }
  }
}
