package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V3 on a registry that principals were seeded into before users existed. */
class IdentityMigrationTest {

  @Test
  void principalsFromBeforeIdentityBecomeTokenOnlyUsersKeepingOnlyKnownRoles() throws SQLException {
    DataSource dataSource = TestPostgres.emptyDatabase();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("2")
        .load().migrate();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO principals (name, roles) VALUES ('alice', '{submitter,approver}'), "
          + "('nobody', '{}'), ('ops', '{admin,operator}'), ('carol', '{reviewer}')");
    }

    RegistryDatabase.migrate(dataSource);

    Users users = new Users(dataSource);
    assertThat(users.list()).extracting(UserInfo::name).containsExactly("alice", "carol", "nobody", "ops");
    assertThat(users.find("alice").orElseThrow().roles()).isEqualTo(Set.of("approver", "submitter"));
    assertThat(users.find("ops").orElseThrow().roles()).isEqualTo(Set.of("admin"));
    assertThat(users.find("carol").orElseThrow().roles()).isEmpty();
    assertThat(users.find("nobody").orElseThrow().passwordHash()).isNull();
    assertThat(new SecurityAudit(dataSource).recent(null, 10))
        .extracting(SecurityAuditEntry::actor, SecurityAuditEntry::subject, SecurityAuditEntry::details)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("migration:V3", "ops", "dropped operator"),
            org.assertj.core.groups.Tuple.tuple("migration:V3", "carol", "dropped reviewer"));
  }
}
