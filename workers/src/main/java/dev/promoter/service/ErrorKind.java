package dev.promoter.service;

/** What kind of problem stopped a request; each front door maps it once. */
public enum ErrorKind {
  /** The request itself is wrong; the caller can fix it. */
  BAD_INPUT(2, 400),
  /** A named run, model, version, schedule or user does not exist. */
  NOT_FOUND(3, 404),
  /** Well formed, but the current state forbids it (already decided, someone moved the alias). */
  CONFLICT(4, 409),
  /** The caller lacks the role, or four eyes forbids it. */
  FORBIDDEN(4, 403),
  /** A service this one needs (Postgres, Temporal) cannot be reached. Retryable. */
  UNAVAILABLE(5, 503);

  private final int exitCode;
  private final int httpStatus;

  ErrorKind(int exitCode, int httpStatus) {
    this.exitCode = exitCode;
    this.httpStatus = httpStatus;
  }

  /** The CLI's exit code. */
  public int exitCode() {
    return exitCode;
  }

  /** The REST API's status. */
  public int httpStatus() {
    return httpStatus;
  }
}
