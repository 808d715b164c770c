package dev.promoter.deploy;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.bundle.ModelBundle;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.ModelVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered versions as classifiers: the artifact is read from the store (digest verified) and
 * loaded once per digest, then shared by every caller.
 */
public final class RegisteredModels {
  private final ModelRegistry registry;
  private final ArtifactStore store;
  private final Map<String, SequenceClassifier> loaded = new ConcurrentHashMap<>();

  /** Models from this registry and store. */
  public RegisteredModels(ModelRegistry registry, ArtifactStore store) {
    this.registry = registry;
    this.store = store;
  }

  /** The classifier of a version; fails naming the version if its artifact cannot be loaded. */
  public SequenceClassifier classifier(String model, int version) {
    ModelVersion v = registry.version(model, version);
    if (!"tribuo".equals(v.framework())) {
      throw new IllegalArgumentException(model + " v" + version + " is a '" + v.framework()
          + "' model; this worker loads tribuo models");
    }
    return loaded.computeIfAbsent(v.artifactSha256(), sha -> {
      try {
        byte[] bytes = store.read(sha);
        return new SequenceClassifier(ModelBundle.readArchive(new ByteArrayInputStream(bytes),
            model + " v" + version + " (sha256:" + sha + ")"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot read " + model + " v" + version, e);
      }
    });
  }

  /** A version by alias, e.g. {@code rrna-classifier@production}. */
  public SequenceClassifier classifier(String model, String alias) {
    return classifier(model, registry.holder(model, alias).version());
  }
}
