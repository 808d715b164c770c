package dev.promoter.service;

/**
 * A request an application service refused. The message is what a user reads, the same on the
 * command line and in an HTTP problem document; nothing was changed.
 */
public final class ServiceException extends RuntimeException {
  private final ErrorKind kind;

  /** A refusal of one kind. */
  public ServiceException(ErrorKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** A refusal of one kind, caused by a lower layer's failure. */
  public ServiceException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** What kind of problem this is. */
  public ErrorKind kind() {
    return kind;
  }

  public static ServiceException badInput(String message) {
    return new ServiceException(ErrorKind.BAD_INPUT, message);
  }

  public static ServiceException notFound(String message) {
    return new ServiceException(ErrorKind.NOT_FOUND, message);
  }

  public static ServiceException conflict(String message) {
    return new ServiceException(ErrorKind.CONFLICT, message);
  }

  public static ServiceException forbidden(String message) {
    return new ServiceException(ErrorKind.FORBIDDEN, message);
  }
}
