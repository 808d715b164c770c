package dev.promoter.serving;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names each prediction request for the prediction log and feedback. Every request used to take a
 * {@code UUID.randomUUID()}: a draw from the JDK's shared {@link SecureRandom} per request, which
 * the request threads queue for. An id here is a random prefix drawn once per
 * process followed by a counter, in the UUID text form (version 8, RFC 9562's layout for custom
 * contents, so nobody mistakes it for a random version 4): unique within a process by the counter,
 * across processes and restarts by the 58 random bits of the prefix (a collision between two
 * replicas is as likely as between two random UUIDs among a few hundred million processes), and
 * in ascending text order within a process, so the log's {@code (request_id, item)} index grows at
 * its right edge rather than at a random page per row (the serving benchmark's Postgres CPU per row
 * did not change measurably with it; the index was still small enough to stay cached).
 */
public final class RequestIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final long prefix;
  private final AtomicLong counter = new AtomicLong();

  /** Ids with a fresh random prefix. */
  public RequestIds() {
    this(new SecureRandom().nextLong());
  }

  /** Ids with this prefix (tests); only its low 58 bits are used. */
  RequestIds(long random) {
    // 48 bits, the version nibble (8), 12 bits: the UUID's most significant half
    long bits = random & 0x03ff_ffff_ffff_ffffL; // 58 bits
    this.prefix = (bits >>> 12) << 16 | 0x8000L | (bits & 0xfff);
  }

  /**
   * The next id: {@code pppppppp-pppp-8ppp-Ncc-cccccccccccc} where N carries the variant bits
   * (10xx) and the top of the counter's 62 bits, which at a million requests a second last for
   * 146,000 years.
   */
  public String next() {
    long low = Long.MIN_VALUE | counter.getAndIncrement(); // variant 10 in the top bits
    char[] out = new char[36];
    hex(prefix >>> 32, out, 0, 8);
    out[8] = '-';
    hex(prefix >>> 16, out, 9, 4);
    out[13] = '-';
    hex(prefix, out, 14, 4);
    out[18] = '-';
    hex(low >>> 48, out, 19, 4);
    out[23] = '-';
    hex(low, out, 24, 12);
    return new String(out);
  }

  /** The low {@code digits} hex digits of {@code value} into {@code out} at {@code at}. */
  private static void hex(long value, char[] out, int at, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
  }
}
