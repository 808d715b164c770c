package dev.promoter.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Artifacts in an S3-compatible bucket, for workers on several machines: the same
 * content-addressed layout as {@link FileArtifactStore} ({@code PREFIX/sha256/ab/cd/HEX}) under
 * {@code s3://BUCKET/PREFIX}. A PUT becomes visible under its key only once complete, so no
 * reader ever sees part of an artifact; the digest is computed before the upload (from a local
 * spool file) and verified again on every read.
 */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {
  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final String where;

  /**
   * Where the store is and how to reach it.
   *
   * @param location {@code s3://bucket[/prefix]}
   * @param endpoint an S3-compatible server (MinIO, s3rver, ...) or null for AWS itself
   * @param region the region, or null for the SDK's default chain (then {@code us-east-1})
   * @param pathStyle path-style addressing ({@code http://host/bucket/key}), as most
   *     S3-compatible servers need
   */
  public record Settings(URI location, URI endpoint, String region, boolean pathStyle) {
    /** Refuses a location that is not {@code s3://bucket[/prefix]}. */
    public Settings {
      if (location == null || !"s3".equals(location.getScheme()) || location.getHost() == null
          || location.getHost().isBlank()) {
        throw new IllegalArgumentException("artifact location '" + location
            + "' is not s3://BUCKET[/PREFIX]");
      }
    }
  }

  /**
   * Connects with the SDK's default credentials chain (environment, profile, instance role) and
   * checks that the bucket is there and reachable.
   *
   * @throws IOException naming the bucket and endpoint when it is not
   */
  public static S3ArtifactStore open(Settings settings) throws IOException {
    // checksums only where S3 requires them: the SDK's default (since 2.30) sends aws-chunked
    // bodies with CRC trailers, which many S3-compatible servers store verbatim as the object;
    // our own SHA-256 check on every read covers integrity end to end
    S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        // nor aws-chunked signing over plain HTTP (an in-cluster MinIO): the body is a spooled
        // file whose digest the SDK can compute up front
        .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false)
            .pathStyleAccessEnabled(settings.pathStyle()).build())
        .region(Region.of(settings.region() == null || settings.region().isBlank()
            ? defaultRegion() : settings.region()));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    String path = settings.location().getPath() == null ? "" : settings.location().getPath();
    String prefix = path.replaceAll("^/+|/+$", "");
    S3ArtifactStore store = new S3ArtifactStore(builder.build(), settings.location().getHost(),
        prefix, settings.location() + (settings.endpoint() == null ? "" : " at " + settings.endpoint()));
    store.checkBucket();
    return store;
  }

  private static String defaultRegion() {
    String region = System.getenv("AWS_REGION");
    return region == null || region.isBlank() ? "us-east-1" : region;
  }

  private S3ArtifactStore(S3Client s3, String bucket, String prefix, String where) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.where = where;
  }

  private void checkBucket() throws IOException {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      close();
      throw new IOException("the artifact bucket " + where + " does not exist");
    } catch (S3Exception e) {
      close();
      throw new IOException("the artifact bucket " + where + " refused access (HTTP "
          + e.statusCode() + "): check the credentials and the bucket policy");
    } catch (SdkException e) {
      close();
      throw new IOException("the artifact store " + where + " is not reachable: " + oneLine(e));
    }
  }

  @Override
  public StoredArtifact put(InputStream content) throws IOException {
    Path spool = Files.createTempFile("promoter-artifact-", ".tmp");
    try {
      MessageDigest digest = Digests.sha256();
      long size;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), digest)) {
        size = content.transferTo(out);
      }
      String hex = HexFormat.of().formatHex(digest.digest());
      String key = keyOf(hex);
      if (!contains(hex)) {
        try {
          s3.putObject(p -> p.bucket(bucket).key(key).contentLength(size)
              .contentType("application/octet-stream").metadata(java.util.Map.of("sha256", hex)),
              RequestBody.fromFile(spool));
        } catch (SdkException e) {
          throw new IOException("cannot store artifact sha256:" + hex + " in " + where + ": " + oneLine(e), e);
        }
      }
      return new StoredArtifact(hex, size, uriOf(key));
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  @Override
  public StoredArtifact put(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return put(in);
    }
  }

  @Override
  public boolean contains(String sha256) {
    try {
      s3.headObject(h -> h.bucket(bucket).key(keyOf(sha256)));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw new IllegalStateException("the artifact store " + where + " failed: " + oneLine(e), e);
    }
  }

  @Override
  public byte[] read(String sha256) throws IOException {
    String key = keyOf(sha256);
    byte[] bytes;
    try {
      bytes = s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
    } catch (NoSuchKeyException e) {
      throw new ArtifactIntegrityException("artifact sha256:" + sha256 + " is not in the store " + where);
    } catch (SdkException e) {
      // an outage, not a missing artifact: callers retry it
      throw new IOException("the artifact store " + where + " is not reachable: " + oneLine(e), e);
    }
    String actual = Digests.hex(bytes);
    if (!actual.equals(sha256)) {
      throw new ArtifactIntegrityException("artifact sha256:" + sha256 + " is corrupt: its bytes at "
          + uriOf(key) + " hash to " + actual);
    }
    return bytes;
  }

  /** The object key of an artifact with this digest. */
  String keyOf(String sha256) {
    String key = Digests.relativeKey(sha256);
    return prefix.isEmpty() ? key : prefix + "/" + key;
  }

  private URI uriOf(String key) {
    return URI.create("s3://" + bucket + "/" + key);
  }

  private static String oneLine(SdkException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  @Override
  public void close() {
    s3.close();
  }
}
