package dev.promoter.cli;

import dev.promoter.features.KmerFeaturizer;
import dev.promoter.sequence.FastaFormatException;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code promoter featurize}: no server. TSV with a header line {@code id} then the k-mers (in
 * the featurizer's lexicographic order), then one line per record: its id and the k-mer
 * frequencies (counts over valid k-mers, summing to 1), written with {@link Float#toString}.
 */
@Command(name = "featurize", description = "k-mer frequencies of each FASTA record as TSV (header: id, k-mers).")
final class FeaturizeCommand implements Callable<Integer> {
  private static final int BATCH = 1024;
  /** Lines are handed to the writer in pieces of about this many chars: a k = 12 line is 33 M. */
  private static final int CHUNK = 1 << 16;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--fasta", required = true, paramLabel = "FILE", description = "FASTA file, plain or gzip")
  Path fasta;

  @Option(names = "--k", defaultValue = "" + KmerFeaturizer.DEFAULT_K,
      description = "k-mer length, 1 to " + KmerFeaturizer.MAX_K + " (default: ${DEFAULT-VALUE}); 4^k columns")
  int k;

  @Option(names = "--canonical", description = "count a k-mer and its reverse complement together")
  boolean canonical;

  @Option(names = "--out", paramLabel = "FILE", description = "TSV to write (default: standard output)")
  Path outFile;

  @Override
  public Integer call() throws Exception {
    int rows = batchRows(k, canonical, Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors());
    KmerFeaturizer featurizer = new KmerFeaturizer(k, canonical);
    try (FastaReader reader = FastaReader.open(fasta); Output output = Output.open(outFile, spec)) {
      PrintWriter out = output.writer();
      StringBuilder header = new StringBuilder("id");
      for (int i = 0; i < featurizer.dimension(); i++) {
        header.append('\t').append(featurizer.kmer(i));
        flushChunk(out, header);
      }
      out.println(header);
      long records = reader.forEachBatch(rows, batch -> write(out, batch, featurizer.featurizeRecords(batch)));
      if (records == 0) {
        throw new FastaFormatException(fasta.toString(), 1, "no FASTA records");
      }
      output.commit();
    }
    return 0;
  }

  /**
   * Records featurized at once so that their dense vectors fit in half the heap: each is 4^k
   * floats (64 MiB at k = 12), and each worker thread counts into an int array as long.
   *
   * @return records per batch, 1 to {@value #BATCH}
   * @throws BadInputException when even one record at a time would not fit, naming the heap it needs
   */
  static int batchRows(int k, boolean canonical, long maxHeap, int cores) {
    if (k < 1 || k > KmerFeaturizer.MAX_K) {
      return BATCH; // the featurizer refuses it with its own message
    }
    long vector = 4L * KmerFeaturizer.dimension(k, canonical);
    long index = canonical ? 4L << (2 * k) : 0; // the canonical featurizer's 4^k lookup table
    long budget = maxHeap / 2 - index;
    long rows = Math.min(BATCH, budget / vector - cores);
    if (rows < 1) {
      long needed = 2 * (index + vector * (1 + cores));
      throw new BadInputException(String.format(Locale.ROOT,
          "--k %d: %,d columns need a heap of about %,d MiB, but this JVM may use at most %,d MiB; "
              + "use a smaller --k or a larger heap (PROMOTER_JAVA_OPTS=-Xmx...)",
          k, KmerFeaturizer.dimension(k, canonical), mib(needed), mib(maxHeap)));
    }
    return (int) rows;
  }

  private static long mib(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  private static void flushChunk(PrintWriter out, StringBuilder line) {
    if (line.length() >= CHUNK) {
      out.append(line);
      line.setLength(0);
    }
  }

  private static void write(PrintWriter out, List<FastaRecord> records, float[][] vectors) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < records.size(); i++) {
      line.setLength(0);
      line.append(records.get(i).id());
      for (float v : vectors[i]) {
        line.append('\t').append(v == 0f ? "0" : Float.toString(v));
        flushChunk(out, line);
      }
      out.println(line);
    }
  }
}
