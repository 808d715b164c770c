package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API tokens on a real Postgres: hashed at rest, expiring, revocable, gone with their user. */
class ApiTokensTest {
  private RegistryDatabase db;
  private Users users;
  private ApiTokens tokens;

  @BeforeEach
  void open() {
    db = TestPostgres.freshDatabase();
    users = new Users(db.dataSource());
    tokens = new ApiTokens(db.dataSource());
    users.add("alice", Set.of("submitter", "approver"), null, "local:root");
    users.add("bob", Set.of("viewer"), null, "local:root");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aNewTokenAuthenticatesAsItsUserWithTheirCurrentRoles() {
    Instant before = Instant.now();
    NewToken token = tokens.create("alice", Duration.ofDays(30), "local:root", "laptop");
    assertThat(token.id()).matches("tok_[a-z2-7]{10}");
    assertThat(token.secret()).matches("pmt_[A-Za-z0-9_-]{43}");
    assertThat(token.toString()).doesNotContain(token.secret());
    assertThat(token.expiresAt()).isBetween(before.plus(Duration.ofDays(30)).minusSeconds(60),
        Instant.now().plus(Duration.ofDays(30)).plusSeconds(60));

    assertThat(tokens.authenticate(token.secret()))
        .contains(new TokenPrincipal(token.id(), "alice", Set.of("approver", "submitter")));
    users.setRoles("alice", Set.of("viewer"), "local:root");
    assertThat(tokens.authenticate(token.secret())).get()
        .extracting(TokenPrincipal::roles).isEqualTo(Set.of("viewer"));
  }

  @Test
  void theSecretIsNeverStoredOnlyItsSha256() throws Exception {
    NewToken token = tokens.create("alice", Duration.ofDays(1), "local:root");
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT t::text FROM api_tokens t")) {
      assertThat(rs.next()).isTrue();
      String row = rs.getString(1);
      String secretBody = token.secret().substring(ApiTokens.SECRET_PREFIX.length());
      assertThat(row).doesNotContain(secretBody).doesNotContain(token.secret());
      byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
          .digest(token.secret().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(row).contains("\\\\x" + HexFormat.of().formatHex(sha));
      assertThat(rs.next()).isFalse();
    }
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT string_agg(t::text, ' ') FROM security_audit t")) {
      rs.next();
      assertThat(rs.getString(1)).contains(token.id()).doesNotContain(token.secret().substring(4));
    }
  }

  @Test
  void malformedUnknownExpiredAndRevokedSecretsAuthenticateNobody() throws SQLException {
    NewToken expired = tokens.create("alice", Duration.ofDays(1), "local:root");
    NewToken revoked = tokens.create("alice", Duration.ofDays(1), "local:root");
    NewToken live = tokens.create("alice", Duration.ofDays(1), "local:root");
    sql("UPDATE api_tokens SET created_at = now() - interval '2 days', "
        + "expires_at = now() - interval '1 second' WHERE id = '" + expired.id() + "'");
    tokens.revoke(revoked.id(), "local:root");

    assertThat(tokens.authenticate(expired.secret())).isEmpty();
    assertThat(tokens.authenticate(revoked.secret())).isEmpty();
    assertThat(tokens.authenticate(null)).isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
    assertThat(tokens.authenticate("pmt_" + "A".repeat(43))).isEmpty();
    assertThat(tokens.authenticate(live.secret() + "x")).isEmpty();
    assertThat(tokens.authenticate(live.id())).isEmpty();
    assertThat(tokens.authenticate(live.secret())).isPresent();
  }

  @Test
  void aRemovedUsersTokensStopWorkingAndDisappear() {
    NewToken token = tokens.create("bob", Duration.ofHours(1), "local:root");
    tokens.create("alice", Duration.ofHours(1), "local:root");
    users.remove("bob", "local:root");
    assertThat(tokens.authenticate(token.secret())).isEmpty();
    assertThat(tokens.list(null)).extracting(TokenInfo::user).containsExactly("alice");
    assertThat(new SecurityAudit(db.dataSource()).recent("bob", 1)).singleElement()
        .extracting(SecurityAuditEntry::details).isEqualTo("with 1 token(s)");
    // a new user of the same name does not inherit them
    users.add("bob", Set.of("admin"), null, "local:root");
    assertThat(tokens.authenticate(token.secret())).isEmpty();
  }

  @Test
  void listShowsIdsAndStateNeverSecrets() {
    NewToken a = tokens.create("alice", Duration.ofDays(7), "local:root", "ci");
    NewToken b = tokens.create("bob", Duration.ofDays(7), "ops");
    tokens.revoke(b.id(), "ops");

    assertThat(tokens.list(null)).extracting(TokenInfo::id).containsExactly(a.id(), b.id());
    TokenInfo bobs = tokens.list("bob").getFirst();
    assertThat(bobs.revokedAt()).isNotNull();
    assertThat(bobs.createdBy()).isEqualTo("ops");
    assertThat(bobs.activeAt(Instant.now())).isFalse();
    TokenInfo alices = tokens.list("alice").getFirst();
    assertThat(alices.description()).isEqualTo("ci");
    assertThat(alices.activeAt(Instant.now())).isTrue();
    assertThat(tokens.list(null).toString()).doesNotContain(a.secret()).doesNotContain(b.secret())
        .doesNotContain("pmt_");
    assertThat(java.util.Arrays.stream(TokenInfo.class.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName))
        .doesNotContain("secret", "secretSha256", "hash");
    assertThatThrownBy(() -> tokens.list("carol")).hasMessage("unknown user 'carol'");
  }

  @Test
  void revokeIsIdempotentAndRefusesUnknownIds() {
    NewToken token = tokens.create("alice", Duration.ofDays(1), "local:root");
    tokens.revoke(token.id(), "local:root");
    Instant revokedAt = tokens.list("alice").getFirst().revokedAt();
    tokens.revoke(token.id(), "someone-else");
    assertThat(tokens.list("alice").getFirst().revokedAt()).isEqualTo(revokedAt);
    assertThat(new SecurityAudit(db.dataSource()).recent(token.id(), 10))
        .extracting(SecurityAuditEntry::action).containsExactly("create-token", "revoke-token");

    assertThatThrownBy(() -> tokens.revoke("tok_aaaaaaaaaa", "local:root"))
        .hasMessage("unknown token 'tok_aaaaaaaaaa'")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.NOT_FOUND);
    assertThatThrownBy(() -> tokens.revoke("nope", "local:root"))
        .hasMessageContaining("invalid token id 'nope'")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.INVALID);
  }

  @Test
  void lifetimesMustBePositiveAndAtMostAYearAndTheUserMustExist() {
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMinutes(-5), Duration.ofDays(366), null}) {
      assertThatThrownBy(() -> tokens.create("alice", bad, "local:root"))
          .isInstanceOf(RegistryException.class).hasMessageContaining("lifetime")
          .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.INVALID);
    }
    assertThat(tokens.create("alice", Duration.ofDays(365), "local:root")).isNotNull();
    assertThatThrownBy(() -> tokens.create("carol", Duration.ofDays(1), "local:root"))
        .hasMessage("unknown user 'carol'")
        .extracting(e -> ((RegistryException) e).reason()).isEqualTo(RegistryException.Reason.NOT_FOUND);
  }

  @Test
  void lastUseIsRecordedButNotOnEveryRequest() throws SQLException {
    NewToken token = tokens.create("alice", Duration.ofDays(1), "local:root");
    assertThat(tokens.list("alice").getFirst().lastUsedAt()).isNull();
    tokens.authenticate(token.secret());
    Instant first = tokens.list("alice").getFirst().lastUsedAt();
    assertThat(first).isNotNull();
    tokens.authenticate(token.secret());
    assertThat(tokens.list("alice").getFirst().lastUsedAt()).isEqualTo(first);

    sql("UPDATE api_tokens SET last_used_at = now() - interval '10 minutes'");
    tokens.authenticate(token.secret());
    assertThat(tokens.list("alice").getFirst().lastUsedAt()).isAfter(first.minusSeconds(1));
  }

  private void sql(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
