package dev.promoter.service;

import dev.promoter.registry.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.client.PromoterClient;
import dev.promoter.client.ScheduleHandle;
import dev.promoter.registry.Names;
import dev.promoter.registry.RetrainSchedules;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.retrain.CronSchedule;
import dev.promoter.workflows.retrain.OverlapPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Retraining schedules: create (submitter), list (viewer), delete (admin). */
public final class ScheduleService {
  // the engine is reached only by what needs it: listing runs must not start or dial Temporal
  private final Supplier<PromoterClient> client;
  private final LifecycleRequests requests;
  private final RetrainSchedules schedules;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  /** A service over the engine's client, the request checks and the registry's schedule index. */
  public ScheduleService(Supplier<PromoterClient> client, LifecycleRequests requests, RetrainSchedules schedules,
      Clock clock) {
    this.client = client;
    this.requests = requests;
    this.schedules = schedules;
    this.clock = clock;
  }

  /**
   * A schedule as shown to users.
   *
   * @param name its name (and its Temporal id)
   * @param cron five-field cron, UTC
   * @param overlap SKIP or BUFFER_ONE
   * @param model the model its runs train
   * @param mechanism {@code temporal-schedule} or {@code cron-workflow}
   * @param createdBy who created it; its runs are submitted as this user
   * @param createdAt when
   * @param nextFireTime when it next starts a run (UTC)
   */
  public record ScheduleView(String name, String cron, String overlap, String model,
      String mechanism, String createdBy, Instant createdAt, Instant nextFireTime) {}

  /** Checks name, cron and the run's request completely, then creates the schedule. */
  public ScheduleView create(Actor actor, String name, String cron, OverlapPolicy overlap,
      LifecycleSpec spec) {
    actor.require(Roles.SUBMITTER, "create a retraining schedule");
    Failures.translated(() -> Names.schedule(name));
    CronSchedule schedule = LifecycleRequests.cron(cron, clock.instant());
    OverlapPolicy policy = overlap == null ? OverlapPolicy.SKIP : overlap;
    LifecycleRequest request = requests.build(spec, actor.name());
    if (Failures.translated(() -> schedules.exists(name))) {
      throw ServiceException.conflict("schedule '" + name + "' already exists");
    }
    ScheduleHandle handle = Failures.translated(() ->
        client.get().createRetrainSchedule(name, cron, policy, request));
    String body;
    try {
      body = json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Failures.translated(() -> {
      schedules.add(name, cron, policy.name(), request.modelName(), handle.mechanism(), body, actor.name());
      return null;
    });
    return new ScheduleView(name, cron, policy.name(), request.modelName(), handle.mechanism(),
        actor.name(), clock.instant(), schedule.next(clock.instant()));
  }

  /** Every schedule, by name, with its next fire time. */
  public List<ScheduleView> list() {
    Instant now = clock.instant();
    return Failures.translated(() -> schedules.list()).stream()
        .map(s -> new ScheduleView(s.name(), s.cron(), s.overlap(), s.modelName(), s.mechanism(),
            s.createdBy(), s.createdAt(), CronSchedule.parse(s.cron()).next(now)))
        .toList();
  }

  /**
   * After a restart of the embedded Temporal (state in memory), restarts the cron-workflow loop of
   * every schedule the registry holds whose workflow is gone; Temporal Schedules live on the
   * server and need nothing. Returns the names restarted.
   */
  public List<String> reconcile(java.util.function.Predicate<String> workflowIsOpen) {
    List<String> restarted = new java.util.ArrayList<>();
    for (RetrainSchedules.Schedule s : schedules.list()) {
      if (!s.mechanism().equals("cron-workflow") || workflowIsOpen.test(s.name())) {
        continue;
      }
      LifecycleRequest request;
      try {
        request = json.readValue(s.requestJson(), LifecycleRequest.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("schedule '" + s.name() + "' has an unreadable request", e);
      }
      client.get().createRetrainSchedule(s.name(), s.cron(), OverlapPolicy.valueOf(s.overlap()), request);
      restarted.add(s.name());
    }
    return restarted;
  }

  /** Deletes a schedule (admin); runs it already started go on. */
  public void delete(Actor actor, String name) {
    actor.require(Roles.ADMIN, "delete a schedule");
    if (!Failures.translated(() -> schedules.exists(name))) {
      throw ServiceException.notFound("no schedule '" + name + "'");
    }
    Failures.translated(() -> {
      client.get().deleteRetrainSchedule(name, actor.name());
      schedules.remove(name);
      return null;
    });
  }
}
