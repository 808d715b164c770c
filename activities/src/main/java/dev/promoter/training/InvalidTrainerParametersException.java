package dev.promoter.training;

/**
 * A trainer name or trainer parameters that cannot train: an unknown trainer, an unknown
 * parameter name (the message lists the valid ones), or a value that is malformed or out of range.
 * An {@link IllegalArgumentException}, so every front door already maps it to bad input.
 */
public final class InvalidTrainerParametersException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, naming the trainer and the parameter */
  public InvalidTrainerParametersException(String message) {
    super(message);
  }
}
