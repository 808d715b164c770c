package dev.promoter.artifact;

/** An artifact is missing, or its bytes no longer match its digest. */
public final class ArtifactIntegrityException extends RuntimeException {
  /** With a message naming the artifact and what is wrong with it. */
  public ArtifactIntegrityException(String message) {
    super(message);
  }
}
