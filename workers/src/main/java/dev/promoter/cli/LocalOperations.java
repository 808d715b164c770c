package dev.promoter.cli;

import dev.promoter.registry.AliasMove;
import dev.promoter.registry.Page;
import dev.promoter.registry.Principals;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.RunSummary;
import dev.promoter.service.Actor;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.ErrorKind;
import dev.promoter.service.LifecycleService;
import dev.promoter.service.LifecycleSpec;
import dev.promoter.service.ModelService;
import dev.promoter.service.RunView;
import dev.promoter.service.ScheduleService;
import dev.promoter.service.ScheduleService.ScheduleView;
import dev.promoter.service.ServiceException;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import dev.promoter.workflows.retrain.OverlapPolicy;
import java.util.List;
import java.util.Set;

/** Dev mode: the application services in this process, acting as a registry user named by {@code --as}. */
final class LocalOperations implements Operations {
  private final StackSession stack;
  private final Actor actor;

  private LocalOperations(StackSession stack, Actor actor) {
    this.stack = stack;
    this.actor = actor;
  }

  static LocalOperations open(String asUser) {
    StackSession stack = StackSession.open();
    try {
      return new LocalOperations(stack, asUser == null ? null : actor(stack, asUser));
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  // dev mode only: --as names a user the registry knows, and acts with that user's roles there
  static Actor actor(StackSession stack, String name) {
    List<String> roles = new Principals(stack.get(RegistryDatabase.class).dataSource()).all().get(name);
    if (roles == null) {
      throw new ServiceException(ErrorKind.FORBIDDEN, "unknown user '" + name + "' (--as names a "
          + "registry user in dev mode; see `promoter users list`)");
    }
    return new Actor(name, Set.copyOf(roles));
  }

  private Actor actor() {
    if (actor == null) {
      throw new BadInputException("--as USER is required in dev mode (with PROMOTER_URL set, "
          + "PROMOTER_TOKEN says who you are)");
    }
    return actor;
  }

  @Override
  public String startLifecycle(LifecycleSpec spec) {
    return stack.get(LifecycleService.class).start(actor(), spec);
  }

  @Override
  public RunView run(String runId) {
    return stack.get(LifecycleService.class).get(runId);
  }

  @Override
  public Page<RunSummary> runs(int size) {
    return stack.get(LifecycleService.class).list(null, null, 0, size);
  }

  @Override
  public LifecycleStatus decide(String runId, boolean approve, String reason) {
    return stack.get(ApprovalService.class).decide(actor(), runId, approve, reason);
  }

  @Override
  public AliasMove promote(String model, String alias, int version, String reason, Integer ifCurrent) {
    return stack.get(ModelService.class).promote(actor(), model, alias, version, reason, ifCurrent);
  }

  @Override
  public AliasMove rollback(String model, String alias, String reason, Integer ifCurrent) {
    return stack.get(ModelService.class).rollback(actor(), model, alias, reason, ifCurrent);
  }

  @Override
  public ScheduleView createSchedule(String name, String cron, OverlapPolicy overlap, LifecycleSpec spec) {
    return stack.get(ScheduleService.class).create(actor(), name, cron, overlap, spec);
  }

  @Override
  public List<ScheduleView> schedules() {
    return stack.get(ScheduleService.class).list();
  }

  @Override
  public void deleteSchedule(String name) {
    stack.get(ScheduleService.class).delete(actor(), name);
  }

  @Override
  public dev.promoter.service.DriftService.MonitorView putDrift(String model,
      dev.promoter.service.DriftService.SettingsSpec spec) {
    return stack.get(dev.promoter.service.DriftService.class).put(actor(), model, spec).monitor();
  }

  @Override
  public dev.promoter.service.DriftService.DriftView drift(String model, int limit) {
    return stack.get(dev.promoter.service.DriftService.class).show(model, limit);
  }

  @Override
  public void stopDrift(String model) {
    stack.get(dev.promoter.service.DriftService.class).stop(actor(), model);
  }

  @Override
  public void close() {
    stack.close();
  }
}
