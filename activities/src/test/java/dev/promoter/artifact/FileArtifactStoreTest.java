package dev.promoter.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileArtifactStoreTest {
  @TempDir Path root;

  @Test
  void storesByDigestUnderShardedFoldersAndReadsBack() throws IOException {
    FileArtifactStore store = new FileArtifactStore(root);
    byte[] bytes = "model bytes".getBytes(StandardCharsets.UTF_8);
    StoredArtifact a = store.put(new ByteArrayInputStream(bytes));
    // sha256("model bytes"), computed independently with sha256sum
    assertThat(a.sha256()).isEqualTo("9cb7487000bc86ac36ce83c4acfabe8878552be99572a6770f65ab1d048a5c48");
    assertThat(a.size()).isEqualTo(bytes.length);
    assertThat(Path.of(a.uri())).isEqualTo(root.resolve("sha256").resolve(a.sha256().substring(0, 2))
        .resolve(a.sha256().substring(2, 4)).resolve(a.sha256()));
    assertThat(store.read(a.sha256())).isEqualTo(bytes);
    assertThat(store.contains(a.sha256())).isTrue();
  }

  @Test
  void theSameBytesTwiceAreOneArtifact() throws IOException {
    FileArtifactStore store = new FileArtifactStore(root);
    StoredArtifact a = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    StoredArtifact b = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    assertThat(b).isEqualTo(a);
    try (Stream<Path> files = Files.walk(root.resolve("sha256"))) {
      assertThat(files.filter(Files::isRegularFile)).hasSize(1);
    }
  }

  @Test
  void corruptionIsDetectedOnRead() throws IOException {
    FileArtifactStore store = new FileArtifactStore(root);
    StoredArtifact a = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    Files.write(store.pathOf(a.sha256()), new byte[] {1, 2, 4});
    assertThatThrownBy(() -> store.read(a.sha256())).isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining("is corrupt");
    Path target = root.resolve("copy.bin");
    assertThatThrownBy(() -> store.copyTo(a.sha256(), target)).isInstanceOf(ArtifactIntegrityException.class);
    assertThat(target).doesNotExist();
  }

  @Test
  void missingAndMalformedDigestsAreNamed() throws IOException {
    FileArtifactStore store = new FileArtifactStore(root);
    assertThatThrownBy(() -> store.read("0".repeat(64))).isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining("is not in the store");
    assertThatThrownBy(() -> store.read("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a SHA-256 digest");
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws IOException {
    FileArtifactStore store = new FileArtifactStore(root);
    InputStream failing = new InputStream() {
      private int n;

      @Override
      public int read() throws IOException {
        if (n++ > 1000) {
          throw new IOException("disk unplugged");
        }
        return 7;
      }
    };
    assertThatThrownBy(() -> store.put(failing)).hasMessageContaining("disk unplugged");
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }
}
