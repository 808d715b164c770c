package dev.promoter.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FileArtifactStoreTest extends ArtifactStoreContract {

  @Override
  ArtifactStore store() throws IOException {
    return new FileArtifactStore(scratch.resolve("store"));
  }

  @Override
  void tamper(ArtifactStore store, String sha256, byte[] bytes) throws IOException {
    Files.write(((FileArtifactStore) store).pathOf(sha256), bytes);
  }

  @Override
  long count(ArtifactStore store) throws IOException {
    try (Stream<Path> files = Files.walk(scratch.resolve("store"))) {
      return files.filter(Files::isRegularFile).count(); // incoming/ temp files count too
    }
  }

  @Test
  void storesUnderShardedFolders() throws IOException {
    FileArtifactStore store = new FileArtifactStore(scratch.resolve("store"));
    StoredArtifact a = store.put(new ByteArrayInputStream(new byte[] {9}));
    assertThat(Path.of(a.uri())).isEqualTo(scratch.resolve("store").resolve("sha256")
        .resolve(a.sha256().substring(0, 2)).resolve(a.sha256().substring(2, 4)).resolve(a.sha256()));
  }
}
