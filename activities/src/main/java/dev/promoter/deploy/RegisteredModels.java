package dev.promoter.deploy;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.bundle.ModelBundle;
import dev.promoter.bundle.ModelFormatException;
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

  /**
   * The classifier of a version. The failures say whose fault it is, because a smoke check must
   * not roll production back when only the infrastructure blinked:
   *
   * @throws dev.promoter.registry.RegistryException from the registry (its reason tells an outage
   *     from an unknown version)
   * @throws java.io.UncheckedIOException if the artifact store cannot be read: an outage
   * @throws dev.promoter.artifact.ArtifactIntegrityException if the artifact is missing from a
   *     reachable store or its bytes do not match its digest: the version is bad
   * @throws ModelFormatException if the loader refuses the bytes: the version is bad
   * @throws IllegalArgumentException if this worker has no loader for the version's framework
   */
  public Classifier classifier(String model, int version) {
    ModelVersion v = registry.version(model, version);
    ModelLoader loader = loaders.get(v.framework());
    if (loader == null) {
      throw new IllegalArgumentException(model + " v" + version + " is a '" + v.framework()
          + "' model; this worker loads " + loaders.keySet() + " models");
    }
    return loaded.computeIfAbsent(v.artifactSha256(), sha -> {
      String source = model + " v" + version + " (sha256:" + sha + ")";
      byte[] archive;
      try {
        archive = store.read(sha);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot read " + source + " from the artifact store", e);
      }
      try {
        return loader.load(archive, source);
      } catch (IOException e) {
        throw new ModelFormatException(source + " does not load: " + e.getMessage(), e);
      }
    });
  }

  /**
   * Drops the loaded model of an artifact, so its memory can go; the next request for it reads
   * and loads it again. Serving calls it when it unloads a version nobody uses any more.
   */
  public void release(String sha256) {
    loaded.remove(sha256);
  }

  /** A version by alias, e.g. {@code rrna-classifier@production}. */
  public Classifier classifier(String model, String alias) {
    return classifier(model, registry.holder(model, alias).version());
  }
}
