package dev.promoter.cli;

import dev.promoter.inference.Prediction;
import dev.promoter.inference.SequenceClassifier;
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

/** {@code promoter classify}: no server; one line per record, streamed in batches. */
@Command(name = "classify", description = "Label each FASTA record: id<TAB>label<TAB>confidence.")
final class ClassifyCommand implements Callable<Integer> {
  /** Records classified together: enough to keep every core busy, few enough to bound memory. */
  private static final int BATCH = 4096;

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
    try (ModelReferences refs = new ModelReferences();
        FastaReader reader = FastaReader.open(fasta); Output output = Output.open(outFile, spec)) {
      LabelClassifier classifier = refs.classifier(models, weights);
      long records = reader.forEachBatch(BATCH, batch -> write(output.writer(), batch,
          classifier.classify(batch.stream().map(FastaRecord::sequence).toList())));
      if (records == 0) {
        throw new FastaFormatException(fasta.toString(), 1, "no FASTA records");
      }
      output.commit();
    }
    if (unreadable > 0) {
      spec.commandLine().getErr().printf(Locale.ROOT, "promoter: %d record(s) with no countable k-mer or base "
          + "(all N, or shorter than k), first '%s': labelled non-rRNA with confidence 0%n", unreadable, firstUnreadable);
    }
    return 0;
  }

  private void write(PrintWriter out, List<FastaRecord> records, List<Prediction> predictions) {
    // one line per record: id, label, confidence
    for (int i = 0; i < records.size(); i++) {
      Prediction p = predictions.get(i);
      out.printf(Locale.ROOT, "%s\t%s\t%.4f%n", records.get(i).id(), p.label(), p.confidence());
      if (p.isNoEvidence() && unreadable++ == 0) {
        firstUnreadable = records.get(i).id();
      }
    }
  }
}
