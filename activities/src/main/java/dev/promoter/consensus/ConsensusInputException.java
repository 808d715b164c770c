package dev.promoter.consensus;

/**
 * Trees, weights or options a caller can fix: an input with no trees or that is not Newick
 * text, weights that are malformed, negative or of the wrong count, a threshold outside [0, 1),
 * an unknown method. Front doors map it to bad input; the message names the problem.
 */
public final class ConsensusInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, naming the file or option */
  public ConsensusInputException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, naming the file or option
   * @param cause the underlying failure
   */
  public ConsensusInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
