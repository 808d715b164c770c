package dev.promoter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.registry.NewToken;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.RegistryException;
import dev.promoter.registry.TokenPrincipal;
import dev.promoter.registry.UserInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Passwords (bcrypt, as the application wires it), tokens and dev seeding on a real Postgres. */
class IdentityServiceTest {
  private static final Pattern TOKEN_LINE = Pattern.compile("(?m)^([^#=\\n]+)=(pmt_\\S+)$");
  @TempDir Path home;
  private RegistryDatabase db;
  private IdentityService identity;

  @BeforeEach
  void open() {
    db = TestRegistry.fresh();
    identity = new IdentityService(db.dataSource(), PasswordEncoderFactories.createDelegatingPasswordEncoder());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void passwordsAreStoredAsBcryptAndCheckedAgainstIt() throws Exception {
    identity.addUser("alice", Set.of("approver"), "correct horse".toCharArray(), "local:root");
    identity.addUser("ci", Set.of("submitter"), null, "local:root");

    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT password_hash FROM principals WHERE name = 'alice'")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("{bcrypt}$2a$10$").doesNotContain("correct horse");
    }
    assertThat(identity.authenticatePassword("alice", "correct horse".toCharArray()))
        .contains(new AuthenticatedUser("alice", Set.of("approver")));
    assertThat(identity.authenticatePassword("alice", "wrong horse!".toCharArray())).isEmpty();
    assertThat(identity.authenticatePassword("alice", new char[0])).isEmpty();
    assertThat(identity.authenticatePassword("alice", null)).isEmpty();
    assertThat(identity.authenticatePassword("nobody", "correct horse".toCharArray())).isEmpty();
    assertThat(identity.authenticatePassword("ci", "anything at all".toCharArray())).isEmpty();
    assertThat(identity.listUsers()).extracting(UserInfo::name, UserInfo::hasPassword)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", true),
            org.assertj.core.groups.Tuple.tuple("ci", false));

    identity.setPassword("alice", null, "local:root");
    assertThat(identity.authenticatePassword("alice", "correct horse".toCharArray())).isEmpty();
  }

  @Test
  void weakOrOverlongPasswordsAreRefusedBeforeHashing() {
    for (String bad : new String[] {"short", "has\nnewline", "x".repeat(73), "é".repeat(37)}) {
      assertThatThrownBy(() -> identity.addUser("bob", Set.of("viewer"), bad.toCharArray(), "local:root"))
          .isInstanceOf(RegistryException.class)
          .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.INVALID);
    }
    assertThat(identity.listUsers()).isEmpty();
  }

  @Test
  void tokensGoThroughTheService() {
    identity.addUser("ci", Set.of("submitter"), null, "local:root");
    NewToken token = identity.createToken("ci", Duration.ofHours(12), "local:root");
    assertThat(identity.authenticateToken(token.secret()))
        .contains(new TokenPrincipal(token.id(), "ci", Set.of("submitter")));
    assertThat(identity.listTokens("ci")).singleElement().satisfies(t -> assertThat(t.id()).isEqualTo(token.id()));
    identity.revokeToken(token.id(), "local:root");
    assertThat(identity.authenticateToken(token.secret())).isEmpty();
  }

  @Test
  void devSeedingFillsAnEmptyRegistryOnceAndWritesAnOwnerOnlyTokenFile() throws Exception {
    Map<String, Set<String>> dev = new LinkedHashMap<>();
    dev.put("demo", Set.of("submitter", "admin"));
    dev.put("reviewer", Set.of("approver"));
    Path file = home.resolve(".promoter/dev-tokens");

    assertThat(identity.seedDev(dev, file)).containsExactly("demo", "reviewer");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    Path passwords = file.resolveSibling("dev-passwords");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
    try (var siblings = Files.list(file.getParent())) {
      assertThat(siblings).containsExactlyInAnyOrder(file, passwords); // no temp file left behind
    }
    Map<String, String> passwordOf = new LinkedHashMap<>();
    Matcher p = Pattern.compile("(?m)^([^#=\\n]+)=(\\S+)$").matcher(Files.readString(passwords));
    while (p.find()) {
      passwordOf.put(p.group(1), p.group(2));
    }
    assertThat(passwordOf).containsOnlyKeys("demo", "reviewer");
    assertThat(passwordOf.get("demo")).hasSize(16).isNotEqualTo(passwordOf.get("reviewer"));
    assertThat(identity.authenticatePassword("demo", passwordOf.get("demo").toCharArray())).get()
        .extracting(AuthenticatedUser::name).isEqualTo("demo");
    assertThat(identity.authenticatePassword("demo", passwordOf.get("reviewer").toCharArray())).isEmpty();
    String text = Files.readString(file);
    Map<String, String> tokens = new LinkedHashMap<>();
    Matcher m = TOKEN_LINE.matcher(text);
    while (m.find()) {
      tokens.put(m.group(1), m.group(2));
    }
    assertThat(tokens).containsOnlyKeys("demo", "reviewer");
    assertThat(identity.authenticateToken(tokens.get("reviewer"))).get()
        .extracting(TokenPrincipal::user, TokenPrincipal::roles)
        .containsExactly("reviewer", Set.of("approver"));
    assertThat(identity.listTokens("demo")).singleElement()
        .satisfies(t -> assertThat(t.createdBy()).isEqualTo("dev-seed"));

    // users exist: a missing token file is not rewritten and no role is re-granted
    identity.setRoles("reviewer", Set.of("viewer"), "local:root");
    Files.delete(file);
    assertThat(identity.seedDev(Map.of("reviewer", Set.of("approver"), "mallory", Set.of("admin")), file)).isEmpty();
    assertThat(file).doesNotExist();
    assertThat(identity.listUsers()).extracting(UserInfo::name, UserInfo::roles).containsExactly(
        org.assertj.core.groups.Tuple.tuple("demo", Set.of("admin", "submitter")),
        org.assertj.core.groups.Tuple.tuple("reviewer", Set.of("viewer")));
  }

  @Test
  void aTokenFileThatCannotBeWrittenLeavesTheRegistryEmpty() throws Exception {
    Path notADirectory = Files.writeString(home.resolve("file"), "x");
    assertThatThrownBy(() -> identity.seedDev(Map.of("demo", Set.of("admin")), notADirectory.resolve("dev-tokens")))
        .hasMessageContaining("cannot write the dev file");
    assertThat(identity.listUsers()).isEmpty();
    assertThat(identity.listTokens(null)).isEmpty();
    assertThat(identity.seedDev(Map.of("demo", Set.of("admin")), home.resolve("dev-tokens"))).isEqualTo(List.of("demo"));
  }
}
