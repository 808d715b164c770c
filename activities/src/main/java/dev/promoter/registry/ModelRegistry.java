package dev.promoter.registry;

import java.util.List;
import javax.sql.DataSource;

/**
 * The model registry: what every engine, worker, CLI command and page uses to register, promote,
 * roll back and read models. Thread-safe; each call is one transaction. Errors are
 * {@link RegistryException}s whose message names the problem; a failed call changes nothing.
 */
public final class ModelRegistry {
  private final Transactions tx;

  /** A registry on an already migrated database (see {@link RegistryDatabase}). */
  public ModelRegistry(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * Registers a version, creating the model on first use. Idempotent: a second call with the
   * same idempotency key returns the first call's version and writes nothing.
   *
   * @return the version's number
   */
  public int register(NewVersion request) {
    NewVersion valid = Registration.validate(request);
    return tx.inTransaction(c -> Registration.register(c, valid)).version();
  }

  /**
   * Points {@code alias} at {@code version}, archiving the previous holder, and audits it, in one
   * transaction. Promoting the version that already holds the alias changes nothing.
   */
  public AliasMove promote(String model, int version, String alias, String actor, String reason) {
    return promote(model, version, alias, actor, reason, null);
  }

  /**
   * As {@link #promote(String, int, String, String, String)}, but only if {@code alias} is held by
   * {@code expectedHolder} now (null: any holder; 0: no holder): refuses a decision made on a
   * stale view.
   */
  public AliasMove promote(String model, int version, String alias, String actor, String reason,
      Integer expectedHolder) {
    String m = Names.model(model);
    int v = Names.version(version);
    String a = Names.alias(alias);
    String who = Names.actor(actor);
    String why = Names.reason(reason);
    return tx.inTransaction(c -> AliasMoves.promote(c, m, v, a, who, why, expectedHolder, "{}"));
  }

  /**
   * Gives {@code alias} back to its previous holder as recorded in the audit log, skipping
   * rejected versions. Repeat it to walk further back.
   */
  public AliasMove rollback(String model, String alias, String actor, String reason) {
    return rollback(model, alias, actor, reason, null);
  }

  /** As {@link #rollback(String, String, String, String)}, only if {@code expectedHolder} holds it. */
  public AliasMove rollback(String model, String alias, String actor, String reason,
      Integer expectedHolder) {
    String m = Names.model(model);
    String a = Names.alias(alias);
    String who = Names.actor(actor);
    String why = Names.reason(reason);
    return tx.inTransaction(c -> AliasMoves.rollback(c, m, a, who, why, expectedHolder, "{}"));
  }

  /**
   * An operator's promotion outside any lifecycle: the same transaction as
   * {@link #promote(String, int, String, String, String, Integer)}, audited with
   * {@code {"operator": true}}. The caller (the application layer) has checked the admin role.
   */
  public AliasMove promoteAsOperator(String model, int version, String alias, String actor,
      String reason, Integer expectedHolder) {
    String m = Names.model(model);
    int v = Names.version(version);
    String a = Names.alias(alias);
    String who = Names.actor(actor);
    String why = Names.reason(reason);
    return tx.inTransaction(c -> AliasMoves.promote(c, m, v, a, who, why, expectedHolder, OPERATOR));
  }

  /** An operator's rollback, audited as such; see {@link #promoteAsOperator}. */
  public AliasMove rollbackAsOperator(String model, String alias, String actor, String reason,
      Integer expectedHolder) {
    String m = Names.model(model);
    String a = Names.alias(alias);
    String who = Names.actor(actor);
    String why = Names.reason(reason);
    return tx.inTransaction(c -> AliasMoves.rollback(c, m, a, who, why, expectedHolder, OPERATOR));
  }

  private static final String OPERATOR = "{\"operator\": true}";

  /**
   * Marks a version rejected: it can never hold an alias again. An alias it holds goes back to
   * its previous holder first (audited).
   */
  public void reject(String model, int version, String actor, String reason) {
    String m = Names.model(model);
    int v = Names.version(version);
    String who = Names.actor(actor);
    String why = Names.reason(reason);
    tx.inTransaction(c -> {
      AliasMoves.reject(c, m, v, who, why);
      return null;
    });
  }

  /**
   * Compensation for a version that must not stay where it is: takes {@code alias} from it (back
   * to the previous holder, or unset), then every other alias it holds, and rejects it. Idempotent.
   */
  public void withdraw(String model, int version, String alias, String actor, String reason) {
    String m = Names.model(model);
    int v = Names.version(version);
    String a = Names.alias(alias);
    String who = Names.actor(actor);
    String why = Names.reason(reason);
    tx.inTransaction(c -> {
      AliasMoves.withdraw(c, m, v, a, who, why);
      return null;
    });
  }

  /** Every model with its aliases, by name. */
  public List<ModelSummary> models() {
    return tx.readOnly(RegistryQueries::models);
  }

  /** One page of models, by name. */
  public Page<ModelSummary> models(int page, int size) {
    Page.check(page, size);
    return tx.readOnly(c -> RegistryQueries.models(c, page, size));
  }

  /** The models after {@code after} by name (empty: from the first), at most {@code size}. */
  public Slice<ModelSummary> modelsAfter(String after, int size) {
    Page.check(0, size);
    return tx.readOnly(c -> RegistryQueries.modelsAfter(c, after == null ? "" : after, size));
  }

  /** One page of a model's audit log, oldest first. */
  public Page<AuditEntry> audit(String model, int page, int size) {
    String m = Names.model(model);
    Page.check(page, size);
    return tx.readOnly(c -> {
      RegistryQueries.requireModel(c, m);
      return AuditLog.page(c, m, page, size);
    });
  }

  /** Every version of a model, oldest first. */
  public List<ModelVersion> versions(String model) {
    String m = Names.model(model);
    return tx.readOnly(c -> RegistryQueries.versions(c, m, null));
  }

  /** One version of a model. */
  public ModelVersion version(String model, int version) {
    String m = Names.model(model);
    int v = Names.version(version);
    List<ModelVersion> found = tx.readOnly(c -> RegistryQueries.versions(c, m, v));
    if (found.isEmpty()) {
      throw RegistryException.notFound("model '" + m + "' has no version " + v);
    }
    return found.getFirst();
  }

  /** The version holding an alias. */
  public ModelVersion holder(String model, String alias) {
    String a = Names.alias(alias);
    return versions(model).stream().filter(v -> v.aliases().contains(a)).findFirst()
        .orElseThrow(() -> RegistryException.notFound("model '" + model + "' has no alias '" + a + "'"));
  }

  /**
   * The versions that held an alias before its current holder, most recent first, replayed from
   * the audit log exactly as a rollback replays it (a version may appear more than once).
   */
  public List<Integer> earlierHolders(String model, String alias) {
    String m = Names.model(model);
    String a = Names.alias(alias);
    return tx.readOnly(c -> AliasHistory.replay(AuditLog.aliasMoves(c, m, a)).earlier());
  }

  /** The audit log of one model, oldest first. */
  public List<AuditEntry> audit(String model) {
    String m = Names.model(model);
    return tx.readOnly(c -> {
      RegistryQueries.requireModel(c, m);
      return AuditLog.forModel(c, m);
    });
  }
}
