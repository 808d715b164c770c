package dev.promoter.deploy;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.bundle.ModelBundle;
import dev.promoter.inference.Classifier;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.ModelVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered versions as classifiers: the artifact is read from the store (digest verified) and
 * loaded once per digest by the loader of the version's framework, then shared by every caller.
 */
public final class RegisteredModels {
  /** Loads the CPU pool's Tribuo k-mer bundles. */
  public static final ModelLoader TRIBUO = new ModelLoader() {
    @Override
    public String framework() {
      return "tribuo";
    }

    @Override
    public Classifier load(byte[] archive, String source) throws IOException {
      return new SequenceClassifier(ModelBundle.readArchive(new ByteArrayInputStream(archive), source));
    }
  };

  private final ModelRegistry registry;
  private final ArtifactStore store;
  private final Map<String, ModelLoader> loaders = new TreeMap<>();
  private final Map<String, Classifier> loaded = new ConcurrentHashMap<>();

  /**
   * Models from this registry and store.
   *
   * @param others loaders for frameworks besides {@code tribuo}, e.g. the GPU module's {@code djl}
   */
  public RegisteredModels(ModelRegistry registry, ArtifactStore store, ModelLoader... others) {
    this.registry = registry;
    this.store = store;
    loaders.put(TRIBUO.framework(), TRIBUO);
    for (ModelLoader loader : others) {
      loaders.put(loader.framework(), loader);
    }
  }

  /** The classifier of a version; fails naming the version if its artifact cannot be loaded. */
  public Classifier classifier(String model, int version) {
    ModelVersion v = registry.version(model, version);
    ModelLoader loader = loaders.get(v.framework());
    if (loader == null) {
      throw new IllegalArgumentException(model + " v" + version + " is a '" + v.framework()
          + "' model; this worker loads " + loaders.keySet() + " models");
    }
    return loaded.computeIfAbsent(v.artifactSha256(), sha -> {
      try {
        return loader.load(store.read(sha), model + " v" + version + " (sha256:" + sha + ")");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot read " + model + " v" + version, e);
      }
    });
  }

  /** A version by alias, e.g. {@code rrna-classifier@production}. */
  public Classifier classifier(String model, String alias) {
    return classifier(model, registry.holder(model, alias).version());
  }
}
