package dev.promoter.artifact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** What every store shares about addresses: SHA-256, and the {@code sha256/ab/cd/HEX} layout. */
final class Digests {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private Digests() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The lower-case hex SHA-256 of {@code bytes}. */
  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /**
   * The artifact's place relative to the store's root, {@code sha256/ab/cd/HEX}.
   *
   * @throws IllegalArgumentException for anything but a lower-case hex SHA-256 (no path tricks)
   */
  static String relativeKey(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256 digest: '" + sha256 + "'");
    }
    return "sha256/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }
}
