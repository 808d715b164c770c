package dev.promoter.consensus.cli;

import dev.promoter.consensus.ConsensusMethod;
import dev.promoter.consensus.ConsensusOptions;
import dev.promoter.consensus.RfNormalization;
import dev.promoter.consensus.SupportFormat;
import dev.promoter.consensus.TreeConsensus;
import dev.promoter.consensus.Weights;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code consensus --method strict|majority|extended|weighted --input FILE [--threshold T]
 * [--keep-at-threshold] [--weights FILE] [--percent] [--lengths]} prints one Newick line;
 * {@code rf --input FILE [--normalize none|binary|splits]} prints a TSV matrix.
 */
public final class ConsensusMain {

  private ConsensusMain() {}

  /** Runs a command; exits 2 on bad usage or input. */
  public static void main(String[] args) {
    try {
      System.out.print(run(args));
      System.out.flush();
    } catch (IllegalArgumentException | IllegalStateException e) {
      PrintStream err = System.err;
      err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }

  /** @return what the command prints */
  public static String run(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: consensus|rf --input FILE ...");
    }
    Map<String, String> opt = options(args);
    Path input = Path.of(require(opt, "--input"));
    TreeConsensus tc = new TreeConsensus();
    return switch (args[0]) {
      case "consensus" -> tc.consensusNewick(input, consensusOptions(opt)) + "\n";
      case "rf" -> tc.rfTsv(input, normalization(opt.getOrDefault("--normalize", "none")));
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    };
  }

  private static ConsensusOptions consensusOptions(Map<String, String> opt) {
    ConsensusMethod m = ConsensusMethod.valueOf(opt.getOrDefault("--method", "majority").toUpperCase(Locale.ROOT));
    ConsensusOptions o = (m == ConsensusMethod.WEIGHTED
        ? ConsensusOptions.weighted(Weights.read(Path.of(require(opt, "--weights")))) : ConsensusOptions.of(m))
        .withThreshold(Double.parseDouble(opt.getOrDefault("--threshold", "0.5")), opt.containsKey("--keep-at-threshold"))
        .withSupport(opt.containsKey("--percent") ? SupportFormat.PERCENT : SupportFormat.PROPORTION)
        .withMeanBranchLengths(opt.containsKey("--lengths"));
    if (opt.containsKey("--weights")) {
      o = o.withWeights(Weights.read(Path.of(opt.get("--weights"))));
    }
    return o;
  }

  private static RfNormalization normalization(String s) {
    return switch (s) {
      case "none" -> RfNormalization.NONE;
      case "binary" -> RfNormalization.BINARY_MAXIMUM;
      case "splits" -> RfNormalization.TOTAL_SPLITS;
      default -> throw new IllegalArgumentException("--normalize none|binary|splits, got " + s);
    };
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      boolean flag = a.equals("--keep-at-threshold") || a.equals("--percent") || a.equals("--lengths");
      if (flag) {
        out.put(a, "true");
      } else if (a.startsWith("--") && i + 1 < args.length) {
        out.put(a, args[++i]);
      } else {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
    }
    return out;
  }

  private static String require(Map<String, String> opt, String key) {
    String v = opt.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    return v;
  }
}
