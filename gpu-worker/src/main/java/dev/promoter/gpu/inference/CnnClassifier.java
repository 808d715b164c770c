package dev.promoter.gpu.inference;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.promoter.gpu.Devices;
import dev.promoter.gpu.model.CnnMetadata;
import dev.promoter.gpu.model.CnnModelDirectory;
import dev.promoter.inference.Classifier;
import dev.promoter.inference.Prediction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded CNN that classifies sequences in batches through one DJL {@link Predictor}. Load once
 * per model version and share: a predictor is not thread-safe, so calls take turns (the network
 * already uses every core, or the GPU, for one batch). Close it to free the native memory.
 */
public final class CnnClassifier implements Classifier, AutoCloseable {

  /** Sequences per forward pass: large enough to keep the device busy, small enough for memory. */
  public static final int BATCH = 64;

  private final Model model;
  private final Predictor<List<String>, List<float[]>> predictor;
  private final CnnMetadata metadata;

  private CnnClassifier(Model model, CnnMetadata metadata) {
    this.model = model;
    this.metadata = metadata;
    this.predictor = model.newPredictor(new SequenceTranslator(metadata.architecture()));
  }

  /**
   * @param modelDirectory a CNN model directory
   * @return its classifier, on the first selected device
   * @throws IOException if it is not a CNN model directory
   */
  public static CnnClassifier load(Path modelDirectory) throws IOException {
    return load(modelDirectory, Devices.select()[0]);
  }

  /**
   * @param modelDirectory a CNN model directory
   * @param device         where to run
   * @return its classifier
   * @throws IOException if it is not a CNN model directory
   */
  public static CnnClassifier load(Path modelDirectory, Device device) throws IOException {
    CnnMetadata metadata = CnnModelDirectory.readMetadata(modelDirectory);
    return new CnnClassifier(CnnModelDirectory.loadParameters(modelDirectory, metadata.architecture(), device),
        metadata);
  }

  /**
   * @param archive the bytes of a model archive, as the artifact store keeps them
   * @param source  names the archive in errors
   * @return its classifier
   * @throws IOException if the bytes are not a CNN model archive
   */
  public static CnnClassifier fromArchive(byte[] archive, String source) throws IOException {
    Path dir = Files.createTempDirectory("promoter-cnn-");
    try {
      CnnModelDirectory.extract(new ByteArrayInputStream(archive), dir);
      return load(dir);
    } catch (IOException e) {
      throw new IOException(source + ": " + e.getMessage(), e);
    } finally {
      // the parameters are in native memory now; the files are not needed
      CnnModelDirectory.deleteQuietly(dir);
    }
  }

  /** @return the model's metadata (labels, architecture, metrics) */
  public CnnMetadata metadata() {
    return metadata;
  }

  @Override
  public List<String> labels() {
    return metadata.labels();
  }

  /**
   * @param sequences nucleotides
   * @return one prediction per sequence, in input order; {@link Prediction#noEvidence} for a
   *     sequence without a single A, C, G, T or U (the network would answer from padding alone)
   */
  @Override
  public synchronized List<Prediction> classify(List<String> sequences) {
    List<Integer> readable = new ArrayList<>();
    for (int i = 0; i < sequences.size(); i++) {
      if (hasBase(sequences.get(i))) {
        readable.add(i);
      }
    }
    if (metadata.architecture().meanPooling()) {
      // batches of similar length are padded only to their own length (SequenceTranslator)
      readable.sort(Comparator.comparingInt(i -> sequences.get(i).length()));
    }
    Prediction[] out = new Prediction[sequences.size()];
    try {
      for (int from = 0; from < readable.size(); from += BATCH) {
        List<Integer> batch = readable.subList(from, Math.min(readable.size(), from + BATCH));
        List<float[]> rows = predictor.predict(batch.stream().map(sequences::get).toList());
        for (int k = 0; k < batch.size(); k++) {
          out[batch.get(k)] = prediction(rows.get(k));
        }
      }
    } catch (TranslateException e) {
      throw new IllegalStateException("CNN inference failed: " + e.getMessage(), e);
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        out[i] = Prediction.noEvidence(metadata.labels());
      }
    }
    return new ArrayList<>(Arrays.asList(out));
  }

  private static boolean hasBase(String sequence) {
    for (int i = 0; i < sequence.length(); i++) {
      switch (sequence.charAt(i)) {
        case 'A', 'C', 'G', 'T', 'U', 'a', 'c', 'g', 't', 'u' -> {
          return true;
        }
        default -> { }
      }
    }
    return false;
  }

  private Prediction prediction(float[] row) {
    List<String> labels = metadata.labels();
    Map<String, Double> probabilities = new LinkedHashMap<>();
    double sum = 0;
    int best = 0;
    for (int c = 0; c < row.length; c++) {
      sum += row[c];
      best = row[c] > row[best] ? c : best;
    }
    for (int c = 0; c < row.length; c++) {
      probabilities.put(labels.get(c), row[c] / sum); // renormalised in double: sums to 1 +- 1e-12
    }
    return new Prediction(labels.get(best), probabilities.get(labels.get(best)), probabilities);
  }

  @Override
  public synchronized void close() {
    predictor.close();
    model.close();
  }
}
