package dev.promoter.cli;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.consensus.Weights;
import dev.promoter.consensus.ensemble.EnsemblePrediction;
import dev.promoter.consensus.ensemble.SoftVoteEnsemble;
import dev.promoter.deploy.RegisteredModels;
import dev.promoter.gpu.inference.CnnClassifier;
import dev.promoter.gpu.inference.DjlModelLoader;
import dev.promoter.gpu.model.CnnModelDirectory;
import dev.promoter.inference.Classifier;
import dev.promoter.inference.Prediction;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code --model} values: a model directory loads directly (no server); a registry
 * reference ({@code NAME@ALIAS} or {@code NAME@vN}) opens the registry, which in dev mode starts
 * the embedded Postgres, and loads the version's verified artifact.
 */
final class ModelReferences implements AutoCloseable {
  private static final Pattern REFERENCE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)@(v(\\d+)|[a-z][a-z0-9_-]*)");
  private StackSession stack;
  private final List<AutoCloseable> opened = new ArrayList<>();

  LabelClassifier classifier(List<String> refs, List<Double> weights) throws IOException {
    if (weights != null && weights.size() != refs.size()) {
      throw new BadInputException(refs.size() + " models but " + weights.size() + " weights");
    }
    if (weights != null) {
      Weights.validate(weights); // before any model loads or record is read
    }
    List<Classifier> loaded = new ArrayList<>();
    for (String ref : refs) {
      loaded.add(load(ref));
    }
    if (loaded.size() == 1) {
      return LabelClassifier.of(loaded.getFirst());
    }
    SoftVoteEnsemble ensemble = new SoftVoteEnsemble();
    return LabelClassifier.of(sequences -> {
      List<List<Prediction>> each = loaded.stream().map(c -> c.classify(sequences)).toList();
      List<Prediction> combined = new ArrayList<>(sequences.size());
      for (int i = 0; i < sequences.size(); i++) {
        int row = i;
        List<Map<String, Double>> votes = each.stream().map(p -> p.get(row).probabilities()).toList();
        EnsemblePrediction vote = weights == null ? ensemble.vote(votes) : ensemble.vote(votes, weights);
        double confidence = vote.probabilities().get(vote.label());
        // every model abstained (no countable k-mer for any of them): the same answer as one model's
        combined.add(confidence > 0 ? new Prediction(vote.label(), confidence, vote.probabilities())
            : Prediction.noEvidence(List.copyOf(vote.probabilities().keySet())));
      }
      return combined;
    });
  }

  private Classifier load(String ref) throws IOException {
    Matcher m = REFERENCE.matcher(ref);
    Path dir = Path.of(ref);
    if (Files.isRegularFile(dir.resolve(CnnModelDirectory.METADATA))) {
      CnnClassifier cnn = CnnClassifier.load(dir);
      opened.add(cnn);
      return cnn;
    }
    if (Files.isDirectory(dir) || !m.matches()) {
      // not a registry reference: a directory, and the loader names what is wrong with it
      return SequenceClassifier.load(dir);
    }
    if (stack == null) {
      stack = StackSession.open();
    }
    RegisteredModels models = new RegisteredModels(stack.get(ModelRegistry.class),
        stack.get(ArtifactStore.class), new DjlModelLoader());
    return m.group(3) != null ? models.classifier(m.group(1), Integer.parseInt(m.group(3)))
        : models.classifier(m.group(1), m.group(2));
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
    if (stack != null) {
      stack.close();
    }
  }
}
