package dev.promoter.deploy;

import dev.promoter.inference.Classifier;
import java.io.IOException;

/**
 * Turns a registered version's archive into a classifier, for one framework. The CPU pool knows
 * {@code tribuo}; the GPU pool's module adds {@code djl} (the CNN), and a deployment that has
 * both on its class path hands both to {@link RegisteredModels}.
 */
public interface ModelLoader {

  /** @return the framework name the registry records, e.g. {@code tribuo}, {@code djl} */
  String framework();

  /**
   * @param archive the artifact's bytes, digest already verified
   * @param source  names the version in errors, e.g. {@code rrna v3 (sha256:...)}
   * @return the loaded classifier, shared by every caller
   * @throws IOException if the bytes are not a model of this framework
   */
  Classifier load(byte[] archive, String source) throws IOException;
}
