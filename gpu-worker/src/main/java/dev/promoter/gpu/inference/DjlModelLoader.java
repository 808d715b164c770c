package dev.promoter.gpu.inference;

import dev.promoter.deploy.ModelLoader;
import dev.promoter.gpu.activity.CnnTrainingActivities;
import dev.promoter.inference.Classifier;
import java.io.IOException;

/**
 * Loads registered {@code djl} versions (the CNN's archive) for
 * {@link dev.promoter.deploy.RegisteredModels}: {@code new RegisteredModels(registry, store,
 * new DjlModelLoader())}.
 */
public final class DjlModelLoader implements ModelLoader {

  @Override
  public String framework() {
    return CnnTrainingActivities.FRAMEWORK;
  }

  @Override
  public Classifier load(byte[] archive, String source) throws IOException {
    return CnnClassifier.fromArchive(archive, source);
  }
}
