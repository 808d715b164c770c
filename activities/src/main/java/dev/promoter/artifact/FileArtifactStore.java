package dev.promoter.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Artifacts as files under a root folder: {@code ROOT/sha256/ab/cd/abcd...}. A write goes to a
 * temporary file in the same folder and is renamed into place only once complete and hashed, so
 * a crash mid-write never leaves a partial artifact under a real address.
 */
public final class FileArtifactStore implements ArtifactStore {
  private final Path root;

  /** A store rooted at {@code root}, created if missing. */
  public FileArtifactStore(Path root) throws IOException {
    this.root = Files.createDirectories(root.toAbsolutePath().normalize());
  }

  @Override
  public StoredArtifact put(InputStream content) throws IOException {
    Path incoming = Files.createDirectories(root.resolve("incoming"));
    Path temp = Files.createTempFile(incoming, "artifact-", ".tmp");
    try {
      MessageDigest digest = Digests.sha256();
      long size;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
        size = content.transferTo(out);
      }
      String hex = HexFormat.of().formatHex(digest.digest());
      Path target = pathOf(hex);
      Files.createDirectories(target.getParent());
      if (!Files.exists(target)) {
        moveIntoPlace(temp, target);
      }
      return new StoredArtifact(hex, size, target.toUri());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public StoredArtifact put(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return put(in);
    }
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(pathOf(sha256));
  }

  @Override
  public byte[] read(String sha256) throws IOException {
    Path path = pathOf(sha256);
    if (!Files.isDirectory(root)) {
      // an unmounted or deleted store is an outage, not a missing artifact: callers retry it
      throw new IOException("the artifact store at " + root + " is not reachable");
    }
    if (!Files.isRegularFile(path)) {
      throw new ArtifactIntegrityException("artifact sha256:" + sha256 + " is not in the store at " + root);
    }
    byte[] bytes = Files.readAllBytes(path);
    String actual = Digests.hex(bytes);
    if (!actual.equals(sha256)) {
      throw new ArtifactIntegrityException("artifact sha256:" + sha256 + " is corrupt: its bytes at "
          + path + " hash to " + actual);
    }
    return bytes;
  }

  /** The file an artifact with this digest lives in. */
  public Path pathOf(String sha256) {
    return root.resolve(Digests.relativeKey(sha256));
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // another writer stored the same bytes first: same content, nothing to do
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the artifact store at " + temp.getParent()
          + " needs a file system with atomic rename", e);
    }
  }
}
