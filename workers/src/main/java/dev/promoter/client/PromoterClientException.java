package dev.promoter.client;

/** A request the client could not carry out; the message says why in the user's terms. */
public final class PromoterClientException extends RuntimeException {
  /** Kinds, for exit codes and HTTP status. */
  public enum Kind { REFUSED, NOT_FOUND, UNAVAILABLE }

  private final Kind kind;

  PromoterClientException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** What kind of failure. */
  public Kind kind() {
    return kind;
  }
}
