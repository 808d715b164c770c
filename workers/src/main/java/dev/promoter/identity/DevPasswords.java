package dev.promoter.identity;

import java.security.SecureRandom;

/**
 * Passwords for dev mode's seeded users: 16 characters from an alphabet without look-alikes
 * (about 80 bits), random per user and per fresh dev home, never a default anyone could guess.
 */
final class DevPasswords {
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKMNPQRTUVWXY34679";
  private static final SecureRandom RANDOM = new SecureRandom();

  private DevPasswords() {}

  static String next() {
    StringBuilder password = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
