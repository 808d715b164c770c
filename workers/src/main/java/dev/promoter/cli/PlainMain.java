package dev.promoter.cli;

import dev.promoter.consensus.RfNormalization;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's entry for {@code ./promoter classify}, {@code consensus} and {@code rf}: their
 * plain forms run the command without picocli; anything else (help, a typo, a missing or
 * repeated option, an unusual value) goes to {@link PromoterCli} unchanged, which parses, runs and
 * reports it as before. The plain forms, each option as {@code --x V} or {@code --x=V}:
 * <ul>
 *   <li>{@code classify --model M [--model M2 ...] [--weights W,...] --fasta F [--out O]}
 *   <li>{@code consensus --input F [--method M] [--threshold T] [--weights W] [--keep-at-threshold]
 *       [--percent] [--lengths]}
 *   <li>{@code rf --input F [--normalize N]}
 * </ul>
 *
 * <p>Why: picocli 4.7 is compiled for Java 5, and the JVM's ahead-of-time cache (CDS) cannot hold
 * classes that old, so its 171 classes were loaded, verified by the old verifier and interpreted
 * on every run, and building the command's model reflects over its annotations: most of the CPU
 * time from the JVM's start to the first record (see README, "Training and classifying"), and
 * about 0.25 s of a consensus of 300 trees that takes 0.07 s itself.
 * Failures are reported by {@link CliFailures}, as {@link PromoterCli} reports them.
 */
public final class PlainMain {
  private PlainMain() {
  }

  /** Runs a plain form, or hands the arguments to {@link PromoterCli#main}; exits with the command's code. */
  public static void main(String[] args) {
    PlainCommand command = parse(args);
    if (command == null) {
      PromoterCli.main(args);
      return;
    }
    // The writers picocli would give the command: its charsets, stderr flushing at each line
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), charset("sun.stdout.encoding")), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset("sun.stderr.encoding")), true);
    int code = run(command, out, err);
    if (code == 0 && onlyDaemonThreadsLeft()) {
      // Returning ends the JVM as System.exit(0) would (shutdown hooks run), without the exit
      // logging Runtime.exit does since JDK 17: its System.Logger lookup loads the logging
      // service providers, which opens and scans every jar on the class path (some 250), a
      // quarter of a second of CPU at the end of every run.
      return;
    }
    System.exit(code);
  }

  /** Whether the JVM ends when main returns: no thread but this one keeps it alive. */
  private static boolean onlyDaemonThreadsLeft() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    for (int i = 0; i < n; i++) {
      if (threads[i] != Thread.currentThread() && !threads[i].isDaemon() && threads[i].isAlive()) {
        return false;
      }
    }
    return n < threads.length; // a full array may have missed some
  }

  /** Runs a parsed command, reporting a failure as {@link PromoterCli} does; flushes both writers. */
  static int run(PlainCommand command, PrintWriter out, PrintWriter err) {
    int code;
    try {
      code = command.run(out, err);
    } catch (Exception e) {
      code = CliFailures.report(e, err);
    }
    out.flush();
    err.flush();
    return code;
  }

  private static Charset charset(String property) {
    String name = System.getProperty(property);
    return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
  }

  /**
   * @return the command with its options set, or null when {@code args} is not one of the plain
   *     forms (then picocli decides what they mean)
   */
  static PlainCommand parse(String[] args) {
    if (args.length < 3) {
      return null;
    }
    return switch (args[0]) {
      case "classify" -> classify(args);
      case "consensus" -> consensus(args);
      case "rf" -> rf(args);
      default -> null;
    };
  }

  private static ClassifyCommand classify(String[] args) {
    List<String> models = new ArrayList<>();
    String weights = null;
    String fasta = null;
    String out = null;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String name;
      String value;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        name = arg;
        value = args[++i];
      } else {
        return null;
      }
      if (value.isEmpty() || value.startsWith("-")) {
        return null;
      }
      switch (name) {
        case "--model" -> models.add(value);
        case "--weights" -> {
          if (weights != null) {
            return null;
          }
          weights = value;
        }
        case "--fasta" -> {
          if (fasta != null) {
            return null;
          }
          fasta = value;
        }
        case "--out" -> {
          if (out != null) {
            return null;
          }
          out = value;
        }
        default -> {
          return null;
        }
      }
    }
    if (models.isEmpty() || fasta == null) {
      return null;
    }
    ClassifyCommand command = new ClassifyCommand();
    command.models = models;
    try {
      command.fasta = Path.of(fasta);
      command.outFile = out == null ? null : Path.of(out);
    } catch (InvalidPathException invalid) {
      return null;
    }
    if (weights != null) {
      List<Double> parsed = new ArrayList<>();
      for (String w : weights.split(",")) {
        try {
          parsed.add(Double.valueOf(w));
        } catch (NumberFormatException notANumber) {
          return null;
        }
      }
      command.weights = parsed;
    }
    return command;
  }
  private static ConsensusCommand consensus(String[] args) {
    Map<String, String> o = options(args, Set.of("--input", "--method", "--threshold", "--weights"),
        Set.of("--keep-at-threshold", "--percent", "--lengths"));
    if (o == null || !o.containsKey("--input")) {
      return null;
    }
    ConsensusCommand command = new ConsensusCommand();
    command.method = o.getOrDefault("--method", "majority");
    command.keepAtThreshold = o.containsKey("--keep-at-threshold");
    command.percent = o.containsKey("--percent");
    command.lengths = o.containsKey("--lengths");
    try {
      command.threshold = Double.parseDouble(o.getOrDefault("--threshold", "0.5"));
      command.input = Path.of(o.get("--input"));
      command.weights = o.containsKey("--weights") ? Path.of(o.get("--weights")) : null;
    } catch (NumberFormatException | InvalidPathException unusual) {
      return null;
    }
    return command;
  }

  private static RfCommand rf(String[] args) {
    Map<String, String> o = options(args, Set.of("--input", "--normalize"), Set.of());
    if (o == null || !o.containsKey("--input")) {
      return null;
    }
    RfCommand command = new RfCommand();
    try {
      command.input = Path.of(o.get("--input"));
      command.normalize = RfNormalization.valueOf(o.getOrDefault("--normalize", "NONE"));
    } catch (IllegalArgumentException unusual) { // InvalidPathException and an unknown name too
      return null;
    }
    return command;
  }

  /**
   * Options given once each, valued ones as {@code --x V} or {@code --x=V} (a value neither empty
   * nor starting with a dash), flags bare.
   *
   * @return option name to value (a flag's value is empty), or null for anything else
   */
  private static Map<String, String> options(String[] args, Set<String> valued, Set<String> flags) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = "";
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
        if (!valued.contains(name)) {
          return null;
        }
      } else if (valued.contains(arg) && i + 1 < args.length) {
        value = args[++i];
      } else if (!flags.contains(arg)) {
        return null;
      }
      if (valued.contains(name) && (value.isEmpty() || value.startsWith("-"))) {
        return null;
      }
      if (options.put(name, value) != null) {
        return null;
      }
    }
    return options;
  }
}
