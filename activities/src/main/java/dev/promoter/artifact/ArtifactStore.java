package dev.promoter.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where model artifacts live, addressed by their SHA-256. Implementations: the local
 * {@link FileArtifactStore}; an S3-compatible store can follow behind the same contract.
 *
 * <p>Writes are idempotent: storing the same bytes twice yields the same artifact and one copy.
 * Reads verify the digest and fail with {@link ArtifactIntegrityException} on any mismatch.
 */
public interface ArtifactStore {

  /** Stores the stream's bytes and returns their address. */
  StoredArtifact put(InputStream content) throws IOException;

  /** Stores a file's bytes. */
  StoredArtifact put(Path file) throws IOException;

  /** Whether an artifact with this digest is stored. */
  boolean contains(String sha256);

  /**
   * Copies the artifact to {@code target} (replacing it), verifying the digest on the way: the
   * target appears whole or not at all.
   */
  default void copyTo(String sha256, Path target) throws IOException {
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".artifact-", ".tmp");
    try {
      Files.write(temp, read(sha256));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The artifact's bytes, verified before they are returned. */
  byte[] read(String sha256) throws IOException;
}
