package dev.promoter.inference;

import dev.promoter.sequence.FastaReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiled model's kernel alone (count, scale, dot, softmax of one gene: {@code
 * CompiledLinearModel.predict} on the bytes), one thread, timed by the thread's CPU clock, pass
 * after pass over the records of the given FASTA files. Compiled into the model's package (the
 * kernel is package-private) by {@code bench/classify/kernel.sh}; not part of the build.
 *
 *   KernelBench MODEL_DIR PASSES FASTA...
 */
public final class KernelBench {
  public static void main(String[] args) throws Exception {
    SequenceClassifier classifier = SequenceClassifier.load(Path.of(args[0]));
    var field = SequenceClassifier.class.getDeclaredField("compiled");
    field.setAccessible(true);
    CompiledLinearModel model = (CompiledLinearModel) field.get(classifier);
    if (model == null) {
      throw new IllegalArgumentException(args[0] + " is not a compiled logistic regression");
    }
    List<byte[]> genes = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      try (FastaReader reader = FastaReader.open(Path.of(args[i]))) {
        reader.forEachBatch(4096, batch -> batch.forEach(
            r -> genes.add(r.sequence().getBytes(StandardCharsets.ISO_8859_1))));
      }
    }
    int passes = Integer.parseInt(args[1]);
    var threads = ManagementFactory.getThreadMXBean();
    double[] out = new double[model.outputs()];
    long checksum = 0;
    for (int p = 0; p < passes; p++) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (byte[] gene : genes) {
        checksum += model.predict(gene, 0, gene.length, out);
      }
      long t1 = threads.getCurrentThreadCpuTime();
      System.out.printf("pass %d: %.2f us a gene (%d genes)%n", p, (t1 - t0) / 1e3 / genes.size(), genes.size());
    }
    System.out.println("checksum of the best outputs: " + checksum);
  }
}
