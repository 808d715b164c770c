package dev.promoter.bpmn;

/**
 * The names the BPMN files and the Java code share: process ids, job types, error codes and
 * message names. The files in {@code src/main/resources/bpmn} are canonical; these constants
 * must match them ({@code ProcessFilesTest} checks that every job type here is used there).
 */
public final class Processes {
  /** Experiment, champion/challenger, register, stage, approval, promote, rollback on failure. */
  public static final String LIFECYCLE = "model-lifecycle";
  /** Gives an alias back to its previous holder and smoke-checks what it restored. */
  public static final String ROLLBACK = "model-rollback";
  /** A timer start event (cron cycle) that starts a lifecycle. */
  public static final String RETRAIN = "model-retrain";

  /** The process files on the class path, in deployment order (the rollback is called). */
  public static final String[] RESOURCES = {
      "bpmn/model-rollback.bpmn", "bpmn/model-lifecycle.bpmn", "bpmn/model-retrain.bpmn"};
  /**
   * What a Promoter server deploys and serves: not the retrain template, whose timer would start
   * an instance every night that waits for a {@code prepare-retrain} worker the server does not
   * run (the request it starts is the team's to configure).
   */
  static final String[] SERVED = {"bpmn/model-rollback.bpmn", "bpmn/model-lifecycle.bpmn"};

  /** Published by Promoter's approvals once the registry has recorded a decision. */
  public static final String APPROVAL_DECIDED = "approval-decided";
  /**
   * Published by Promoter after an operator moved a model's production alias (a rollback, or a
   * promotion by hand), one per open blue-green run of the model, correlated by run id, with no
   * time to live: a run in its keep-warm window reads who holds production and ends the window if
   * it left the run's version; a run anywhere else never sees it.
   */
  public static final String PRODUCTION_MOVED = "production-moved";

  private Processes() {}

  /** A copy of {@link #SERVED}. */
  public static String[] served() {
    return SERVED.clone();
  }

  /** Job types: kebab-case, one worker class each. */
  public static final class JobTypes {
    public static final String RECORD_RUN_STARTED = "record-run-started";
    /** Candidates of the CPU pool (Tribuo k-mer models). */
    public static final String TRAIN_KMER = "train-kmer";
    /** Candidates of the GPU pool (the DJL CNN); only GPU workers subscribe to it. */
    public static final String TRAIN_CNN = "train-cnn";
    public static final String CHOOSE_BEST_CANDIDATE = "choose-best-candidate";
    public static final String EVALUATE_CHAMPION = "evaluate-champion";
    public static final String REGISTER_VERSION = "register-version";
    public static final String STAGE_VERSION = "stage-version";
    public static final String SMOKE_CHECK = "smoke-check";
    public static final String OPEN_APPROVAL = "open-approval";
    public static final String EXPIRE_APPROVAL = "expire-approval";
    public static final String PROMOTE_VERSION = "promote-version";
    public static final String WITHDRAW_VERSION = "withdraw-version";
    public static final String ROLLBACK_ALIAS = "rollback-alias";
    public static final String RECORD_RUN_END = "record-run-end";
    public static final String PREPARE_RETRAIN = "prepare-retrain";
    /** Gives the candidate its share of production in the header's {@code mode}. */
    public static final String SET_TRAFFIC_SPLIT = "set-traffic-split";
    /** Reads a canary step's or a shadow's gates from the prediction log. */
    public static final String READ_GATES = "read-gates";
    /** Reads both arms of an A/B test and decides it with the two-proportion test. */
    public static final String DECIDE_AB_TEST = "decide-ab-test";
    /** Gives all of production back to its holder, if this run moved any. */
    public static final String CLEAR_TRAFFIC_SPLIT = "clear-traffic-split";
    /** Blue-green: reads once whether every live serving replica has the candidate warm. */
    public static final String CHECK_WARM = "check-warm";
    /** Blue-green: ends the old champion's keep-warm window and tells whether production went back. */
    public static final String END_KEEP_WARM = "end-keep-warm";

    private JobTypes() {}
  }

  /** BPMN error codes: business failures, caught by boundary events. */
  public static final class Errors {
    /** A candidate cannot train (bad parameters, unknown trainer): left out of the experiment. */
    public static final String CANDIDATE_FAILED = "candidate-failed";
    /** A smoke check found the version unfit to serve. */
    public static final String SMOKE_CHECK_FAILED = "smoke-check-failed";
    /** The registry refused the promotion (someone else moved production meanwhile). */
    public static final String PROMOTION_REFUSED = "promotion-refused";

    private Errors() {}
  }
}
