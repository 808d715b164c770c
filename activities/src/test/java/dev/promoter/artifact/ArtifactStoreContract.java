package dev.promoter.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ArtifactStore} promises, run against each implementation: content
 * addressing, one copy per content, digest verified on every read, named failures, and a failed
 * write that leaves nothing readable behind.
 */
abstract class ArtifactStoreContract {
  @TempDir Path scratch;

  /** A fresh, empty store. */
  abstract ArtifactStore store() throws IOException;

  /** Replaces the stored bytes of an artifact behind the store's back. */
  abstract void tamper(ArtifactStore store, String sha256, byte[] bytes) throws IOException;

  /** How many artifacts the store holds. */
  abstract long count(ArtifactStore store) throws IOException;

  @Test
  void contentIsItsAddressAndReadsBack() throws IOException {
    ArtifactStore store = store();
    byte[] bytes = "model bytes".getBytes(StandardCharsets.UTF_8);
    StoredArtifact a = store.put(new ByteArrayInputStream(bytes));
    // sha256("model bytes"), computed independently with sha256sum
    assertThat(a.sha256()).isEqualTo("9cb7487000bc86ac36ce83c4acfabe8878552be99572a6770f65ab1d048a5c48");
    assertThat(a.size()).isEqualTo(bytes.length);
    assertThat(a.uri().toString()).endsWith("/sha256/9c/b7/" + a.sha256());
    assertThat(store.read(a.sha256())).isEqualTo(bytes);
    assertThat(store.contains(a.sha256())).isTrue();
    Path copy = scratch.resolve("copy.bin");
    store.copyTo(a.sha256(), copy);
    assertThat(copy).hasBinaryContent(bytes);
  }

  @Test
  void theSameBytesTwiceAreOneArtifact() throws IOException {
    ArtifactStore store = store();
    StoredArtifact a = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    StoredArtifact b = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    assertThat(b).isEqualTo(a);
    assertThat(count(store)).isEqualTo(1);
  }

  @Test
  void tamperedBytesAreRefusedOnRead() throws IOException {
    ArtifactStore store = store();
    StoredArtifact a = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    tamper(store, a.sha256(), new byte[] {1, 2, 4});
    assertThatThrownBy(() -> store.read(a.sha256())).isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining("is corrupt");
    Path target = scratch.resolve("copy.bin");
    assertThatThrownBy(() -> store.copyTo(a.sha256(), target)).isInstanceOf(ArtifactIntegrityException.class);
    assertThat(target).doesNotExist();
  }

  @Test
  void missingAndMalformedDigestsAreNamed() throws IOException {
    ArtifactStore store = store();
    assertThat(store.contains("0".repeat(64))).isFalse();
    assertThatThrownBy(() -> store.read("0".repeat(64))).isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining("is not in the store");
    assertThatThrownBy(() -> store.read("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a SHA-256 digest");
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws IOException {
    ArtifactStore store = store();
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
    assertThat(count(store)).isZero();
  }
}
