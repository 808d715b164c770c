package dev.promoter.cli;

import dev.promoter.inference.Prediction;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.sequence.FastaFormatException;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code promoter classify}: no server; one line per record, streamed in batches. */
@Command(name = "classify", description = "Label each FASTA record: id<TAB>label<TAB>confidence.")
final class ClassifyCommand implements Callable<Integer> {
  /** Records classified together: enough to keep every core busy, few enough to bound memory. */
  private static final int BATCH = 4096;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "model directory written by train")
  Path model;

  @Option(names = "--fasta", required = true, paramLabel = "FILE", description = "FASTA file, plain or gzip")
  Path fasta;

  @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
  Path outFile;

  @Override
  public Integer call() throws Exception {
    if (java.nio.file.Files.isRegularFile(model.resolve(dev.promoter.gpu.model.CnnModelDirectory.METADATA))) {
      try (dev.promoter.gpu.inference.CnnClassifier cnn = dev.promoter.gpu.inference.CnnClassifier.load(model)) {
        return classify(cnn::classify);
      }
    }
    SequenceClassifier classifier = SequenceClassifier.load(model);
    return classify(classifier::classify);
  }

  private int classify(java.util.function.Function<List<String>, List<Prediction>> classifier) throws Exception {
    try (FastaReader reader = FastaReader.open(fasta); Output output = Output.open(outFile, spec)) {
      List<FastaRecord> batch = new ArrayList<>(BATCH);
      long records = 0;
      while (reader.hasNext()) {
        batch.add(reader.next());
        records++;
        if (batch.size() == BATCH || !reader.hasNext()) {
          write(output.writer(), batch, classifier.apply(batch.stream().map(FastaRecord::sequence).toList()));
          batch.clear();
        }
      }
      if (records == 0) {
        throw new FastaFormatException(fasta.toString(), 1, "no FASTA records");
      }
    }
    return 0;
  }

  private static void write(PrintWriter out, List<FastaRecord> records, List<Prediction> predictions) {
    for (int i = 0; i < records.size(); i++) {
      Prediction p = predictions.get(i);
      out.printf(Locale.ROOT, "%s\t%s\t%.4f%n", records.get(i).id(), p.label(), p.confidence());
    }
  }
}
