package dev.promoter.registry;

/**
 * A registry request that could not be carried out. The message names the problem in terms a
 * user can act on; {@link #reason()} tells callers (CLI exit codes, Temporal non-retryable
 * failures, HTTP status) what kind of problem it is. Nothing was changed when this is thrown.
 */
public final class RegistryException extends RuntimeException {

  /** What kind of problem stopped the request. */
  public enum Reason {
    /** A named model, version or alias does not exist. */
    NOT_FOUND,
    /** The request itself is malformed: a bad name, an empty actor, a wrong digest. */
    INVALID,
    /** The request is well formed but the registry's state forbids it now. */
    CONFLICT,
    /** The actor may not do this: a missing role, or four eyes. */
    FORBIDDEN,
    /** The database could not be reached or failed. */
    UNAVAILABLE
  }

  private final Reason reason;

  RegistryException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  RegistryException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** What kind of problem this is. */
  public Reason reason() {
    return reason;
  }

  static RegistryException notFound(String message) {
    return new RegistryException(Reason.NOT_FOUND, message);
  }

  static RegistryException invalid(String message) {
    return new RegistryException(Reason.INVALID, message);
  }

  static RegistryException forbidden(String message) {
    return new RegistryException(Reason.FORBIDDEN, message);
  }

  static RegistryException conflict(String message) {
    return new RegistryException(Reason.CONFLICT, message);
  }
}
