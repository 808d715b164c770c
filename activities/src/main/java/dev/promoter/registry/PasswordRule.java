package dev.promoter.registry;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a password must be before it is hashed. One rule wherever a password enters (CLI, REST),
 * checked before the encoder runs so the user gets a reason, not an encoder's exception.
 */
public final class PasswordRule {
  /** Fewer characters than this are refused. */
  public static final int MIN_CHARS = 8;
  /** bcrypt reads only the first 72 bytes; a longer password would silently be truncated. */
  public static final int MAX_UTF8_BYTES = 72;

  private PasswordRule() {}

  /** Refuses a password that is too short, too long for bcrypt or holds a control character. */
  public static void check(char[] password) {
    if (password == null || password.length < MIN_CHARS) {
      throw RegistryException.invalid("a password needs at least " + MIN_CHARS + " characters");
    }
    for (char c : password) {
      if (Character.isISOControl(c)) {
        throw RegistryException.invalid("a password cannot hold control characters (a stray newline?)");
      }
    }
    if (StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining() > MAX_UTF8_BYTES) {
      throw RegistryException.invalid("a password can be at most " + MAX_UTF8_BYTES
          + " bytes in UTF-8 (bcrypt ignores the rest)");
    }
  }
}
