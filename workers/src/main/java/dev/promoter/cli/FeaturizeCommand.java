package dev.promoter.cli;

import dev.promoter.features.KmerFeaturizer;
import dev.promoter.sequence.FastaFormatException;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--fasta", required = true, paramLabel = "FILE", description = "FASTA file, plain or gzip")
  Path fasta;

  @Option(names = "--k", defaultValue = "" + KmerFeaturizer.DEFAULT_K, description = "k-mer length (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--canonical", description = "count a k-mer and its reverse complement together")
  boolean canonical;

  @Option(names = "--out", paramLabel = "FILE", description = "TSV to write (default: standard output)")
  Path outFile;

  @Override
  public Integer call() throws Exception {
    KmerFeaturizer featurizer = new KmerFeaturizer(k, canonical);
    try (FastaReader reader = FastaReader.open(fasta); Output output = Output.open(outFile, spec)) {
      PrintWriter out = output.writer();
      StringBuilder header = new StringBuilder("id");
      for (int i = 0; i < featurizer.dimension(); i++) {
        header.append('\t').append(featurizer.kmer(i));
      }
      out.println(header);
      long records = reader.forEachBatch(BATCH, batch -> write(out, batch, featurizer.featurizeRecords(batch)));
      if (records == 0) {
        throw new FastaFormatException(fasta.toString(), 1, "no FASTA records");
      }
    }
    return 0;
  }

  private static void write(PrintWriter out, List<FastaRecord> records, float[][] vectors) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < records.size(); i++) {
      line.setLength(0);
      line.append(records.get(i).id());
      for (float v : vectors[i]) {
        line.append('\t').append(v == 0f ? "0" : Float.toString(v));
      }
      out.println(line);
    }
  }
}
