package dev.promoter.service;

import dev.promoter.bpmn.engine.CamundaLifecycles;
import dev.promoter.client.PromoterClient;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.RunSummary;
import dev.promoter.workflows.rollout.Rollout;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After an operator moved a model's {@code production} alias, tells the model's open blue-green
 * runs, so one in its keep-warm window ends it at once instead of when the window runs out: a
 * Temporal run gets the {@code productionMoved} signal, a Camunda run the {@code production-moved}
 * message. Each run decides for itself from the registry whether production left its version, so
 * the message carries nothing and telling a run too much is harmless.
 *
 * <p>Best effort: the alias move is done and audited before this runs, and a run that cannot be
 * told (the engine unreachable, the registry blinking) is logged and left alone, since the end of
 * its window reads the registry and ends it the same way, only later.
 */
final class BlueGreenWakeups {
  private static final Logger log = LoggerFactory.getLogger(BlueGreenWakeups.class);
  /** Open runs of one model read at most: far more than run at once on one model. */
  private static final int MOST = 100;
  private final LifecycleRuns runs;
  private final Function<RunSummary, Optional<Rollout>> rollouts;
  private final Supplier<PromoterClient> temporal;
  private final Supplier<CamundaLifecycles> camunda;

  /**
   * @param runs the registry's runs
   * @param rollouts the rollout a run was started with ({@link LifecycleService#rollout})
   * @param temporal the Temporal client, reached only when a Temporal run is to be told
   * @param camunda the Camunda engine, reached only when a Camunda run is to be told
   */
  BlueGreenWakeups(LifecycleRuns runs, Function<RunSummary, Optional<Rollout>> rollouts,
      Supplier<PromoterClient> temporal, Supplier<CamundaLifecycles> camunda) {
    this.runs = runs;
    this.rollouts = rollouts;
    this.temporal = temporal;
    this.camunda = camunda;
  }

  /**
   * Tells every open blue-green run of {@code model} that production moved.
   *
   * @return the runs told
   */
  List<String> productionMoved(String model) {
    List<RunSummary> open;
    try {
      // a run in its keep-warm window is RUNNING; one still awaiting approval has no window yet
      open = runs.list(model, "RUNNING", 0, MOST).items();
    } catch (RuntimeException e) {
      log.warn("production of {} moved, but its open runs could not be read to wake a blue-green run: {}; "
          + "a keep-warm window still notices when it ends", model, e.getMessage());
      return List.of();
    }
    return open.stream().filter(run -> run.kind().equals("LIFECYCLE"))
        .filter(this::blueGreen).filter(this::told).map(RunSummary::runId).toList();
  }

  private boolean blueGreen(RunSummary run) {
    try {
      return rollouts.apply(run).map(r -> Rollout.BLUE_GREEN.equals(r.strategy())).orElse(false);
    } catch (RuntimeException e) {
      log.warn("could not read how run {} deploys: {}; not woken", run.runId(), e.getMessage());
      return false;
    }
  }

  private boolean told(RunSummary run) {
    try {
      if ("camunda".equals(run.engine())) {
        camunda.get().publishProductionMoved(run.runId());
        return true;
      }
      return temporal.get().productionMoved(run.runId());
    } catch (RuntimeException e) {
      log.warn("could not wake blue-green run {} ({}) after production of {} moved: {}; its keep-warm "
          + "window notices when it ends", run.runId(), run.engine(), run.modelName(), e.getMessage());
      return false;
    }
  }
}
