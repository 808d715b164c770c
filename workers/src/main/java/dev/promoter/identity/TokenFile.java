package dev.promoter.identity;

import dev.promoter.registry.NewToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dev token file ({@code NAME=TOKEN} lines) and its sibling, the dev password file
 * ({@code NAME=PASSWORD}, for the web UI's sign-in): each owner-only from the moment it exists (never
 * created readable and narrowed later), replaced atomically so a reader never sees half of it.
 */
final class TokenFile {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private TokenFile() {}

  /** The password file beside {@code tokenFile}. */
  static Path passwordFile(Path tokenFile) {
    return tokenFile.toAbsolutePath().resolveSibling("dev-passwords");
  }

  static void write(Path file, Map<String, NewToken> tokens, Map<String, String> passwords) {
    StringBuilder text = new StringBuilder("# dev API tokens, one per seeded user; each shown only here\n");
    new TreeMap<>(tokens).forEach((name, token) -> text.append("# ").append(token.id())
        .append(" expires ").append(token.expiresAt()).append('\n')
        .append(name).append('=').append(token.secret()).append('\n'));
    if (!passwords.isEmpty()) {
      StringBuilder lines = new StringBuilder("# dev web UI passwords, one per seeded user; each shown only here\n");
      new TreeMap<>(passwords).forEach((name, password) -> lines.append(name).append('=').append(password).append('\n'));
      writeOwnerOnly(passwordFile(file), lines);
    }
    writeOwnerOnly(file, text);
  }

  private static void writeOwnerOnly(Path file, CharSequence text) {
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = createOwnerOnly(target.getParent());
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dev file " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static Path createOwnerOnly(Path dir) throws IOException {
    try {
      return Files.createTempFile(dir, ".dev-tokens-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException e) {
      // no POSIX permissions on this file system (Windows): its temp files are the user's own
      return Files.createTempFile(dir, ".dev-tokens-", ".tmp");
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // the token file itself is written or the cause is already being thrown; a stray temp
      // file is owner-only and harmless
    }
  }
}
