package dev.promoter.cli;

import dev.promoter.sequence.FastaFormatException;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.PrefetchedBatches;
import dev.promoter.sequence.SequenceBatch;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Formatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code promoter classify}: no server; one line per record, streamed in batches, in input order. */
@Command(name = "classify", description = "Label each FASTA record: id<TAB>label<TAB>confidence.")
final class ClassifyCommand implements Callable<Integer>, PlainCommand {
  /** Records classified together: enough to keep every core busy, few enough to bound memory. */
  private static final int BATCH = 4096;
  /** Bases after which a batch is closed: about 2,000 rRNA genes, 4 MB held per batch. */
  private static final int BATCH_BASES = 1 << 22;
  /** Batches parsed ahead of classification at most (memory: a few MB per batch of rRNA genes). */
  private static final int AHEAD = 2;
  private static final String NEWLINE = System.lineSeparator();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "a model directory written by train, or a registry reference NAME@ALIAS or NAME@vN; "
          + "repeat it to classify with a soft-vote ensemble of the models")
  List<String> models;

  @Option(names = "--weights", split = ",", paramLabel = "W", description = "ensemble weights, one per --model")
  List<Double> weights;

  @Option(names = "--fasta", required = true, paramLabel = "FILE", description = "FASTA file, plain or gzip")
  Path fasta;

  @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
  Path outFile;

  /** Records no model could read (Prediction.noEvidence), reported once at the end. */
  private long unreadable;
  private String firstUnreadable;

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * The command itself, for picocli's {@link #call()} and for {@link PlainMain}, which sets the
   * options without picocli.
   *
   * @param stdout where the labels go without {@code --out}
   * @param stderr where the count of unreadable records goes
   * @return the exit code, 0
   */
  @Override
  public int run(PrintWriter stdout, PrintWriter stderr) throws Exception {
    // The reader starts parsing on its own thread at once, while the model loads, and stays up to
    // AHEAD batches ahead of classification: on 2 cores parsing no longer stops both between batches.
    ClassifyPhases phases = new ClassifyPhases();
    try (ModelReferences refs = new ModelReferences(); FastaReader reader = FastaReader.open(fasta);
        PrefetchedBatches<SequenceBatch> batches = PrefetchedBatches.sequences(reader, BATCH, BATCH_BASES, AHEAD,
            phases.on());
        Output output = Output.open(outFile, stdout)) {
      LabelClassifier classifier = refs.classifier(models, weights);
      phases.mark("model load");
      String[] labels = new String[BATCH];
      double[] confidences = new double[BATCH];
      boolean[] noEvidence = new boolean[BATCH];
      // each labelled slice's lines, at the slice's first record (encoded when the output takes
      // UTF-8 bytes), and where the slice ends
      boolean utf8 = output.takesUtf8();
      String[] lines = new String[BATCH];
      byte[][] encoded = new byte[BATCH][];
      int[] sliceEnd = new int[BATCH];
      long records = 0;
      long t = phases.now();
      for (SequenceBatch batch = batches.next(); batch != null; batch = batches.next()) {
        phases.waited(t);
        t = phases.now();
        SequenceBatch labelled = batch;
        classifier.label(batch, labels, confidences, noEvidence, (from, to) -> {
          String text = format(labelled, from, to, labels, confidences);
          if (utf8) {
            encoded[from] = text.getBytes(StandardCharsets.UTF_8);
          } else {
            lines[from] = text;
          }
          sliceEnd[from] = to;
        });
        phases.classified(t);
        t = phases.now();
        write(output, batch, utf8 ? encoded : null, lines, sliceEnd, noEvidence);
        phases.wrote(t);
        records += batch.size();
        batches.recycle(batch);
        t = phases.now();
      }
      phases.waited(t);
      phases.mark("batch loop");
      if (records == 0) {
        throw new FastaFormatException(fasta.toString(), 1, "no FASTA records");
      }
      output.commit();
      phases.mark("commit output");
      phases.print(stderr, batches.parserCpuNanos(), records);
    }
    if (unreadable > 0) {
      stderr.printf(Locale.ROOT, "promoter: %d record(s) with no countable k-mer or base "
          + "(all N, or shorter than k), first '%s': labelled non-rRNA with confidence 0%n", unreadable, firstUnreadable);
    }
    return 0;
  }

  /**
   * Records {@code [from, to)}'s lines, id TAB label TAB confidence: on the thread that labelled
   * them ({@link LabelClassifier.Labelled}), several slices at once.
   */
  private static String format(SequenceBatch batch, int from, int to, String[] labels, double[] confidences) {
    StringBuilder text = new StringBuilder(64 * (to - from));
    Formatter fallback = null;
    for (int i = from; i < to; i++) {
      fallback = appendLine(text, batch.id(i), labels[i], confidences[i], fallback);
    }
    return text.toString();
  }

  /**
   * The batch's lines in input order, slice after slice, as bytes when {@code encoded} is given,
   * else as text; counts the records no model could read.
   */
  private void write(Output out, SequenceBatch batch, byte[][] encoded, String[] lines, int[] sliceEnd,
      boolean[] noEvidence) {
    for (int from = 0; from < batch.size(); from = sliceEnd[from]) {
      if (encoded != null) {
        out.writeUtf8(encoded[from]);
        encoded[from] = null;
      } else {
        out.writer().write(lines[from]);
        lines[from] = null;
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      if (noEvidence[i] && unreadable++ == 0) {
        firstUnreadable = batch.id(i);
      }
    }
  }

  /**
   * A method of its own so that the JIT compiles it by its calls, without on-stack replacement.
   *
   * @return {@code fallback}, or the Formatter over {@code text} made for this line's confidence
   */
  private static Formatter appendLine(StringBuilder text, String id, String label, double confidence,
      Formatter fallback) {
    text.append(id).append('\t').append(label).append('\t');
    if (!appendFourDecimals(text, confidence)) {
      fallback = fallback != null ? fallback : new Formatter(text, Locale.ROOT);
      fallback.format("%.4f", confidence);
    }
    text.append(NEWLINE);
    return fallback;
  }

  /**
   * Appends {@code value} as {@code %.4f} would, without parsing a format per line. Formatter
   * rounds the value's decimal digits half up; rounding {@code value * 10000} to the nearest
   * integer gives the same digits unless it lies within 1e-6 of a tie (its rounding error is
   * below 1e-11 for a probability), and those cases, like anything outside [0, 1], go to
   * {@code fallback}, a Formatter over {@code text}.
   */
  static void appendFourDecimals(StringBuilder text, double value, Formatter fallback) {
    if (!appendFourDecimals(text, value)) {
      fallback.format("%.4f", value);
    }
  }

  /** @return false, appending nothing, for a value {@link #appendFourDecimals(StringBuilder, double, Formatter)} hands to its Formatter */
  private static boolean appendFourDecimals(StringBuilder text, double value) {
    if (value >= 0 && value <= 1) {
      double scaled = value * 10_000;
      double floor = Math.floor(scaled);
      double fraction = scaled - floor;
      if (Math.abs(fraction - 0.5) > 1e-6) {
        int units = (int) floor + (fraction > 0.5 ? 1 : 0);
        text.append(units / 10_000).append('.');
        int decimals = units % 10_000;
        for (int digit = 1_000; digit > 0; digit /= 10) {
          text.append((char) ('0' + decimals / digit % 10));
        }
        return true;
      }
    }
    return false;
  }
}
