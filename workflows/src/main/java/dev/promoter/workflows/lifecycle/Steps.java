package dev.promoter.workflows.lifecycle;

/** Step names reported by the progress query. */
final class Steps {
  static final String STARTING = "starting";
  static final String EXPERIMENT = "experiment";
  static final String CHAMPION = "champion-challenger";
  static final String REGISTER = "register";
  static final String STAGING = "deploy-staging";
  static final String APPROVAL = "awaiting-approval";
  static final String PROMOTE = "promote";
  static final String ROLLOUT = "rollout";
  static final String DONE = "done";

  private Steps() {}
}
