package dev.promoter.stack;

/** The stack cannot start or be reached. The message is one line that names the part and why. */
public final class StackException extends RuntimeException {
  /** With a one-line message naming the part that failed. */
  public StackException(String message) {
    super(message);
  }

  /** With a one-line message and the underlying failure. */
  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
