package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users, roles and the security audit, on a real Postgres. */
class UsersTest {
  private RegistryDatabase db;
  private Users users;

  @BeforeEach
  void open() {
    db = TestPostgres.freshDatabase();
    users = new Users(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void addedUsersAreListedWithoutHashesAndFoundWithThem() {
    users.add("alice", Set.of("submitter", "approver"), "{bcrypt}$2a$10$hash", "local:root");
    users.add("ci-bot", Set.of("submitter"), null, "local:root");

    assertThat(users.list()).extracting(UserInfo::name, UserInfo::roles, UserInfo::hasPassword)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", Set.of("approver", "submitter"), true),
            org.assertj.core.groups.Tuple.tuple("ci-bot", Set.of("submitter"), false));
    assertThat(users.find("alice")).get().extracting(UserRecord::passwordHash)
        .isEqualTo("{bcrypt}$2a$10$hash");
    assertThat(users.find("alice").orElseThrow().toString()).doesNotContain("$2a$");
    assertThat(users.find("ci-bot")).get().extracting(UserRecord::passwordHash).isNull();
    assertThat(users.find("nobody")).isEmpty();
    assertThat(users.find(null)).isEmpty();
    // approval validation reads the same table
    assertThat(new Principals(db.dataSource()).withRole("approver")).containsExactly("alice");
  }

  @Test
  void duplicatesBadNamesAndUnknownRolesAreRefused() {
    users.add("alice", Set.of("viewer"), null, "local:root");
    assertThatThrownBy(() -> users.add("alice", Set.of("admin"), null, "local:root"))
        .isInstanceOf(RegistryException.class).hasMessage("user 'alice' already exists")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.CONFLICT);
    assertThat(users.find("alice").orElseThrow().roles()).containsExactly("viewer");

    assertThatThrownBy(() -> users.add("x y", Set.of("viewer"), null, "local:root"))
        .hasMessageContaining("invalid user name 'x y'")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.INVALID);
    assertThatThrownBy(() -> users.add("bob", Set.of("reviewer"), null, "local:root"))
        .hasMessageContaining("unknown role 'reviewer': use viewer, submitter, approver or admin")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.INVALID);
    assertThatThrownBy(() -> users.add("bob", Set.of("viewer"), null, " "))
        .hasMessageContaining("an actor is required");
    assertThatThrownBy(() -> users.setRoles("alice", Set.of("root"), "local:root"))
        .hasMessageContaining("unknown role 'root'");
    assertThat(users.list()).extracting(UserInfo::name).containsExactly("alice");
  }

  @Test
  void theSchemaRefusesUnknownRolesWhoeverWrites() throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("INSERT INTO principals (name, roles) VALUES ('eve', '{superuser}')"))
          .hasMessageContaining("principals_known_roles");
    }
  }

  @Test
  void rolesChangeAndRemovalTakesTheUserAwayAndEverythingIsAudited() {
    users.add("bob", Set.of("viewer"), null, "local:root");
    users.setRoles("bob", Set.of("approver", "viewer"), "local:root");
    assertThat(users.find("bob").orElseThrow().roles()).containsExactly("approver", "viewer");
    users.setPasswordHash("bob", "{bcrypt}x", "local:root");
    assertThat(users.list()).singleElement().extracting(UserInfo::hasPassword).isEqualTo(true);

    users.remove("bob", "local:root");
    assertThat(users.find("bob")).isEmpty();
    assertThatThrownBy(() -> users.remove("bob", "local:root"))
        .hasMessage("unknown user 'bob'")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.NOT_FOUND);
    assertThatThrownBy(() -> users.setRoles("bob", Set.of(), "local:root"))
        .hasMessage("unknown user 'bob'");

    assertThat(new SecurityAudit(db.dataSource()).recent("bob", 10))
        .extracting(SecurityAuditEntry::actor, SecurityAuditEntry::action, SecurityAuditEntry::details)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("local:root", "add-user", "roles viewer, tokens only"),
            org.assertj.core.groups.Tuple.tuple("local:root", "set-roles", "roles approver,viewer"),
            org.assertj.core.groups.Tuple.tuple("local:root", "set-password", ""),
            org.assertj.core.groups.Tuple.tuple("local:root", "remove-user", "with 0 token(s)"));
  }

  @Test
  void theSecurityAuditIsAppendOnly() throws SQLException {
    users.add("bob", Set.of("viewer"), null, "local:root");
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String sql : new String[] {"UPDATE security_audit SET actor = 'mallory'",
          "DELETE FROM security_audit", "TRUNCATE security_audit"}) {
        assertThatThrownBy(() -> s.execute(sql)).hasMessageContaining("security_audit is append-only");
      }
    }
    assertThat(new SecurityAudit(db.dataSource()).recent(null, 10)).singleElement()
        .extracting(SecurityAuditEntry::actor).isEqualTo("local:root");
  }

  @Test
  void seedingHappensOnlyOnAnEmptyRegistryAndRollsBackWhenTheTokensCannotBeKept() {
    Map<String, Set<String>> dev = Map.of("demo", Set.of("submitter", "admin"), "reviewer", Set.of("approver"));
    assertThatThrownBy(() -> users.seedIfEmpty(dev, Duration.ofDays(30), "dev-seed", tokens -> {
      throw new IllegalStateException("disk full");
    })).hasMessage("disk full");
    assertThat(users.list()).isEmpty();

    Map<String, NewToken> tokens = users.seedIfEmpty(dev, Duration.ofDays(30), "dev-seed", t -> {});
    assertThat(tokens).containsOnlyKeys("demo", "reviewer");
    assertThat(new ApiTokens(db.dataSource()).authenticate(tokens.get("reviewer").secret()))
        .get().extracting(TokenPrincipal::roles).isEqualTo(Set.of("approver"));
    assertThat(users.find("demo").orElseThrow().passwordHash()).isNull();

    users.remove("reviewer", "local:root");
    assertThat(users.seedIfEmpty(dev, Duration.ofDays(30), "dev-seed", t -> {})).isEmpty();
    assertThat(users.list()).extracting(UserInfo::name).containsExactly("demo");
  }
}
