package dev.promoter.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** A generated secret in a file only its owner can read, created once and read afterwards. */
final class OwnerOnlySecret {
  private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private OwnerOnlySecret() {}

  static String readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder secret = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
          secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        try {
          Path created = Files.createFile(file, PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rw-------")));
          Files.writeString(created, secret + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: read theirs
        } catch (UnsupportedOperationException noPosix) {
          Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        }
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }
}
