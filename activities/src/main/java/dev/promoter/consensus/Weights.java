package dev.promoter.consensus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Per-tree weights: reading them from a file and checking them. */
public final class Weights {

  private Weights() {}

  /** Reads one number per non-blank line; '#' starts a comment line. */
  public static double[] read(Path file) {
    try {
      List<String> lines = Files.readAllLines(file).stream()
          .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
      double[] w = new double[lines.size()];
      for (int i = 0; i < w.length; i++) {
        try {
          w[i] = Double.parseDouble(lines.get(i));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("weight " + (i + 1) + " is not a number: " + lines.get(i), e);
        }
      }
      return validate(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return {@code w} when every weight is finite and non-negative and not all are zero */
  public static double[] validate(double[] w) {
    boolean positive = false;
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException("weight " + (i + 1) + " must be finite and >= 0, got " + w[i]);
      }
      positive |= w[i] > 0;
    }
    if (!positive) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
    return w;
  }
}
