package dev.promoter.consensus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Per-tree weights: reading them from a file and checking them. */
public final class Weights {

  private Weights() {}

  /**
   * Reads one number per non-blank line; '#' starts a comment line.
   *
   * @throws ConsensusInputException if the file is a directory or not text, a line is not a
   *     number, or the weights fail {@link #validate(double[])}
   */
  public static double[] read(Path file) {
    if (Files.isDirectory(file)) {
      throw new ConsensusInputException(file + ": is a directory, not a weights file");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file).stream()
          .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    } catch (CharacterCodingException e) {
      throw new ConsensusInputException(file + ": not a text file of weights (not UTF-8)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double[] w = new double[lines.size()];
    for (int i = 0; i < w.length; i++) {
      try {
        w[i] = Double.parseDouble(lines.get(i));
      } catch (NumberFormatException e) {
        throw new ConsensusInputException(file + ": weight " + (i + 1) + " is not a number: " + lines.get(i), e);
      }
    }
    if (w.length == 0) {
      throw new ConsensusInputException(file + ": no weights");
    }
    return validate(w);
  }

  /**
   * @return {@code w} when every weight is finite and non-negative and not all are zero
   * @throws ConsensusInputException naming the first bad weight
   */
  public static List<Double> validate(List<Double> w) {
    for (int i = 0; i < w.size(); i++) {
      if (w.get(i) == null) {
        throw new ConsensusInputException("weight " + (i + 1) + " is missing");
      }
    }
    validate(w.stream().mapToDouble(Double::doubleValue).toArray());
    return w;
  }

  /**
   * @return {@code w} when every weight is finite and non-negative and not all are zero
   * @throws ConsensusInputException naming the first bad weight
   */
  public static double[] validate(double[] w) {
    boolean positive = false;
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new ConsensusInputException("weight " + (i + 1) + " must be finite and >= 0, got " + w[i]);
      }
      positive |= w[i] > 0;
    }
    if (!positive) {
      throw new ConsensusInputException("weights must not all be zero");
    }
    return w;
  }
}
