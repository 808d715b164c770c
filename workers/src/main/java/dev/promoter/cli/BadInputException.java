package dev.promoter.cli;

/** A command-line value the user can fix; exits 2 with the message. */
final class BadInputException extends IllegalArgumentException {
  BadInputException(String message) {
    super(message);
  }
}
