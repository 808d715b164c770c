package dev.promoter.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against a real S3-compatible server: s3rver (npm, pinned in tools/s3rver;
 * bin/install-test-deps.sh installs it) started on loopback for this class. Credentials reach the
 * store through the AWS SDK's default chain (here its system-property link), as in production.
 */
class S3ArtifactStoreTest extends ArtifactStoreContract {
  private static final String BUCKET = "artifacts";
  private static final Path S3RVER = Path.of("..", "tools", "s3rver", "node_modules", ".bin", "s3rver");
  @TempDir static Path serverData;
  private static Process server;
  private static URI endpoint;
  private static S3Client raw;
  private String prefix;

  @BeforeAll
  static void startS3rver() throws Exception {
    if (!Files.isExecutable(S3RVER)) {
      throw new IllegalStateException("s3rver is not installed at " + S3RVER.toAbsolutePath().normalize()
          + ": run bin/install-test-deps.sh (CI's .ci/run does)");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = new ProcessBuilder(S3RVER.toString(), "-d", serverData.toString(), "-a", "127.0.0.1",
        "-p", Integer.toString(port), "--configure-bucket", BUCKET, "--silent")
        .redirectErrorStream(true).redirectOutput(serverData.resolve("s3rver.log").toFile()).start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        break;
      } catch (IOException notYet) {
        if (Instant.now().isAfter(deadline) || !server.isAlive()) {
          throw new IllegalStateException("s3rver did not start: " + Files.readString(serverData.resolve("s3rver.log")));
        }
        Thread.sleep(100);
      }
    }
    endpoint = URI.create("http://127.0.0.1:" + port);
    System.setProperty("aws.accessKeyId", "S3RVER");
    System.setProperty("aws.secretAccessKey", "S3RVER");
    raw = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint)
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
            .chunkedEncodingEnabled(false).pathStyleAccessEnabled(true).build()).region(Region.US_EAST_1)
        .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER")))
        .build();
  }

  @AfterAll
  static void stop() {
    if (raw != null) {
      raw.close();
    }
    if (server != null) {
      server.destroy();
    }
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Override
  ArtifactStore store() throws IOException {
    prefix = "run-" + UUID.randomUUID(); // each test its own prefix: the bucket is shared
    return S3ArtifactStore.open(new S3ArtifactStore.Settings(URI.create("s3://" + BUCKET + "/" + prefix + "/"),
        endpoint, "us-east-1", true));
  }

  @Override
  void tamper(ArtifactStore store, String sha256, byte[] bytes) {
    raw.putObject(p -> p.bucket(BUCKET).key(((S3ArtifactStore) store).keyOf(sha256)), RequestBody.fromBytes(bytes));
  }

  @Override
  long count(ArtifactStore store) {
    return raw.listObjectsV2(l -> l.bucket(BUCKET).prefix(prefix + "/")).keyCount();
  }

  @Test
  void objectsLiveUnderThePrefixInTheFileStoresLayout() throws IOException {
    try (S3ArtifactStore store = (S3ArtifactStore) store()) {
      StoredArtifact a = store.put(new ByteArrayInputStream(new byte[] {9}));
      assertThat(a.uri()).isEqualTo(URI.create("s3://" + BUCKET + "/" + prefix + "/sha256/"
          + a.sha256().substring(0, 2) + "/" + a.sha256().substring(2, 4) + "/" + a.sha256()));
      assertThat(raw.headObject(h -> h.bucket(BUCKET).key(store.keyOf(a.sha256()))).contentLength()).isEqualTo(1);
    }
  }

  @Test
  void aMissingBucketOrAnUnreachableServerIsOneLineAtStart() throws IOException {
    assertThatThrownBy(() -> S3ArtifactStore.open(new S3ArtifactStore.Settings(URI.create("s3://no-such-bucket/x"),
        endpoint, "us-east-1", true)))
        .isInstanceOf(IOException.class).hasMessage("the artifact bucket s3://no-such-bucket/x at " + endpoint + " does not exist");
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closed);
    assertThatThrownBy(() -> S3ArtifactStore.open(new S3ArtifactStore.Settings(URI.create("s3://" + BUCKET),
        nowhere, "us-east-1", true)))
        .isInstanceOf(IOException.class).hasMessageStartingWith("the artifact store s3://" + BUCKET + " at " + nowhere
            + " is not reachable").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> new S3ArtifactStore.Settings(URI.create("file:///tmp/x"), null, null, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not s3://BUCKET[/PREFIX]");
  }
}
