package dev.promoter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a drill checks after (or while) it breaks things: the registry read straight from the dev
 * stack's Postgres, and the file artifact store read byte by byte.
 */
final class DrillChecks {
  private DrillChecks() {}

  /** A connection to the dev registry of {@code home} on {@code port}, with its generated password. */
  static Connection registry(Path home, int port) throws IOException, SQLException {
    String password = Files.readString(home.resolve("postgres-password")).strip();
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/promoter", "postgres", password);
  }

  /** The model's version numbers, in order. */
  static List<Integer> versions(Connection c, String model) throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (var s = c.prepareStatement("SELECT v.version FROM model_versions v JOIN models m ON m.id = v.model_id "
        + "WHERE m.name = ? ORDER BY v.version")) {
      s.setString(1, model);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          versions.add(rs.getInt(1));
        }
      }
    }
    return versions;
  }

  /** Aliases whose version row is missing (the foreign key should make this empty). */
  static List<String> danglingAliases(Connection c) throws SQLException {
    return strings(c, "SELECT a.alias FROM aliases a LEFT JOIN model_versions v ON v.id = a.version_id "
        + "WHERE v.id IS NULL");
  }

  /** Audit rows written twice: the same action on the same model, version, alias and source. */
  static List<String> duplicateAudit(Connection c) throws SQLException {
    return strings(c, "SELECT action || ' ' || model_name || ' v' || coalesce(version::text, '-') || ' '"
        + " || coalesce(alias, '-') || ' from ' || coalesce(from_version::text, '-') || ' x' || count(*)"
        + " FROM audit_log GROUP BY action, model_name, version, alias, from_version HAVING count(*) > 1");
  }

  /** Every audit row, oldest first, as {@code action model vN alias from}. */
  static List<String> audit(Connection c) throws SQLException {
    return strings(c, "SELECT action || ' ' || model_name || ' v' || coalesce(version::text, '-') || ' '"
        + " || coalesce(alias, '-') || ' from ' || coalesce(from_version::text, '-') FROM audit_log ORDER BY id");
  }

  /** The SHA-256 of each version's artifact. */
  static Set<String> artifactDigests(Connection c) throws SQLException {
    return new TreeSet<>(strings(c, "SELECT artifact_sha256 FROM model_versions"));
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  /**
   * The file store's artifacts, each read in full and hashed: throws if a file under a final
   * address does not hash to its name (a partial or corrupt artifact) or if an upload was left
   * half-written in its incoming folder.
   */
  static Set<String> verifiedArtifacts(Path root) throws IOException {
    Path incoming = root.resolve("incoming");
    if (Files.isDirectory(incoming)) {
      try (Stream<Path> left = Files.list(incoming)) {
        List<Path> files = left.toList();
        if (!files.isEmpty()) {
          throw new AssertionError("half-written uploads left in " + incoming + ": " + files);
        }
      }
    }
    Set<String> digests = new TreeSet<>();
    Path addressed = root.resolve("sha256");
    if (!Files.isDirectory(addressed)) {
      return digests;
    }
    try (Stream<Path> files = Files.walk(addressed)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        String actual = sha256(file);
        if (!actual.equals(name)) {
          throw new AssertionError("artifact " + file + " hashes to " + actual + ": partial or corrupt");
        }
        digests.add(name);
      }
    }
    return digests;
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
