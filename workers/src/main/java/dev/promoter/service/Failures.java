package dev.promoter.service;

import dev.promoter.client.PromoterClientException;
import dev.promoter.registry.RegistryException;
import dev.promoter.stack.StackException;
import dev.promoter.workflows.approval.ApprovalRefusedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** Turns the lower layers' failures into {@link ServiceException}s, in one place. */
public final class Failures {
  private Failures() {}

  /** Runs {@code body}, translating what it throws. */
  public static <T> T translated(Supplier<T> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** The service failure for {@code e}; {@code e} itself when it has no known kind. */
  public static RuntimeException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ServiceException s) {
        return s;
      }
      if (t instanceof RegistryException r) {
        return new ServiceException(switch (r.reason()) {
          case INVALID -> ErrorKind.BAD_INPUT;
          case NOT_FOUND -> ErrorKind.NOT_FOUND;
          case CONFLICT -> ErrorKind.CONFLICT;
          case FORBIDDEN -> ErrorKind.FORBIDDEN;
          case UNAVAILABLE -> ErrorKind.UNAVAILABLE;
        }, r.getMessage(), r);
      }
      if (t instanceof ApprovalRefusedException a) {
        return new ServiceException(kindOf(a.violation()), a.getMessage(), a);
      }
      if (t instanceof PromoterClientException c) {
        return new ServiceException(switch (c.kind()) {
          case REFUSED -> ErrorKind.CONFLICT;
          case NOT_FOUND -> ErrorKind.NOT_FOUND;
          case UNAVAILABLE -> ErrorKind.UNAVAILABLE;
        }, c.getMessage(), c);
      }
      if (t instanceof StackException s) {
        return new ServiceException(ErrorKind.UNAVAILABLE, s.getMessage(), s);
      }
      if (t instanceof StatusRuntimeException g && (g.getStatus().getCode() == Status.Code.UNAVAILABLE
          || g.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)) {
        return new ServiceException(ErrorKind.UNAVAILABLE, "Temporal is unavailable: "
            + g.getStatus().getCode(), g);
      }
    }
    return e;
  }

  /** How a broken approval rule is reported. */
  public static ErrorKind kindOf(ApprovalRefusedException.Violation v) {
    return switch (v) {
      case FOUR_EYES, NO_ROLE -> ErrorKind.FORBIDDEN;
      case NO_ACTOR, NO_REASON -> ErrorKind.BAD_INPUT;
      case NOT_WAITING, EXPIRED -> ErrorKind.CONFLICT;
    };
  }
}
