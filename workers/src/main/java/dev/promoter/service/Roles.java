package dev.promoter.service;

import java.util.List;

/** The roles Promoter knows. Every role may read (viewer); the others add rights. */
public final class Roles {
  /** Reads runs, approvals, models, audit, metrics. */
  public static final String VIEWER = "viewer";
  /** Starts lifecycles and creates schedules. */
  public static final String SUBMITTER = "submitter";
  /** Decides on other people's runs. */
  public static final String APPROVER = "approver";
  /** Moves aliases by hand, deletes schedules, manages users and tokens. */
  public static final String ADMIN = "admin";
  /** All of them. */
  public static final List<String> ALL = List.of(VIEWER, SUBMITTER, APPROVER, ADMIN);

  private Roles() {}
}
