package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promoter users} and {@code promoter token} on the embedded registry, as a user runs them. */
class IdentityCommandsTest {
  @TempDir Path home;

  @Test
  void usersAndTokensFromAddToRevoke() throws Exception {
    try (StackProperties stack = new StackProperties(home)) {
      CliRun add = withStdin("s3cret-enough\n", "users", "add", "alice", "--roles", "approver,submitter",
          "--password-stdin");
      assertThat(add.exitCode()).as(add.toString()).isZero();
      assertThat(add.out()).contains("added user alice (approver,submitter, password)");
      assertThat(CliRun.of("users", "add", "ci", "--roles", "submitter").exitCode()).isZero();

      CliRun list = CliRun.of("users", "list");
      assertThat(list.out()).containsPattern("alice\\s+approver,submitter\\s+password,tokens")
          .containsPattern("ci\\s+submitter\\s+tokens").doesNotContain("bcrypt");
      CliRun setPassword = withStdin("for-the-web-ui\n", "users", "set-password", "ci", "--password-stdin");
      assertThat(setPassword.out()).as(setPassword.toString()).contains("user ci has a new password");
      assertThat(CliRun.of("users", "list").out()).containsPattern("ci\\s+submitter\\s+password,tokens");
      assertThat(CliRun.of("users", "set-password", "ci").exitCode()).isEqualTo(2);
      assertThat(CliRun.of("users", "set-password", "ci", "--none").out()).contains("tokens only");
      assertThat(CliRun.of("users", "list").out()).containsPattern("ci\\s+submitter\\s+tokens");

      // nothing else may reach the process's stdout either (a log line would corrupt $(...))
      java.io.PrintStream savedOut = System.out;
      java.io.ByteArrayOutputStream processOut = new java.io.ByteArrayOutputStream();
      System.setOut(new java.io.PrintStream(processOut, true, StandardCharsets.UTF_8));
      CliRun create;
      try {
        create = CliRun.of("token", "create", "--user", "ci", "--ttl", "12h", "--description", "nightly");
      } finally {
        System.setOut(savedOut);
      }
      assertThat(processOut.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(create.exitCode()).as(create.toString()).isZero();
      assertThat(create.out()).matches("pmt_[A-Za-z0-9_-]{43}\\R");
      assertThat(create.err()).containsPattern("created tok_[a-z2-7]{10} for ci, expires ");
      String secret = create.out().strip();
      String id = create.err().replaceAll("(?s).*created (tok_\\w+).*", "$1");

      CliRun tokens = CliRun.of("token", "list", "--user", "ci");
      assertThat(tokens.out()).containsPattern(id + "\\s+ci\\s+active")
          .contains("local:" + System.getProperty("user.name")).contains("nightly")
          .doesNotContain(secret).doesNotContain("pmt_");

      assertThat(CliRun.of("token", "revoke", id).out()).contains("revoked " + id);
      assertThat(CliRun.of("token", "revoke", id).exitCode()).isZero();
      assertThat(CliRun.of("token", "list").out()).containsPattern(id + "\\s+ci\\s+revoked");

      CliRun remove = CliRun.of("users", "remove", "ci");
      assertThat(remove.out()).contains("removed user ci and their tokens");
      assertThat(CliRun.of("token", "list").out()).contains("no tokens");
    }
  }

  @Test
  void badInputUnknownNamesAndConflictsGetTheirExitCodes() throws Exception {
    try (StackProperties stack = new StackProperties(home)) {
      assertThat(CliRun.of("users", "add", "bob", "--roles", "viewer").exitCode()).isZero();

      CliRun twice = CliRun.of("users", "add", "bob", "--roles", "viewer");
      assertThat(twice.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(twice.err().strip()).isEqualTo("promoter: user 'bob' already exists");

      CliRun badRole = CliRun.of("users", "add", "eve", "--roles", "root");
      assertThat(badRole.exitCode()).isEqualTo(2);
      assertThat(badRole.err()).contains("unknown role 'root': use viewer, submitter, approver or admin");

      CliRun noPassword = withStdin("\n", "users", "add", "eve", "--roles", "viewer", "--password-stdin");
      assertThat(noPassword.exitCode()).isEqualTo(2);
      assertThat(noPassword.err()).contains("--password-stdin read no password");
      CliRun shortPassword = withStdin("abc\n", "users", "add", "eve", "--roles", "viewer", "--password-stdin");
      assertThat(shortPassword.exitCode()).isEqualTo(2);
      assertThat(shortPassword.err()).contains("at least 8 characters");

      CliRun badTtl = CliRun.of("token", "create", "--user", "bob", "--ttl", "2y");
      assertThat(badTtl.exitCode()).isEqualTo(2);
      assertThat(badTtl.err()).contains("invalid --ttl '2y'");
      assertThat(badTtl.out()).isEmpty();
      CliRun tooLong = CliRun.of("token", "create", "--user", "bob", "--ttl", "400d");
      assertThat(tooLong.exitCode()).isEqualTo(2);
      assertThat(tooLong.err()).contains("at most 365 days");

      CliRun unknownUser = CliRun.of("token", "create", "--user", "nobody");
      assertThat(unknownUser.exitCode()).isEqualTo(PromoterCli.NOT_FOUND);
      assertThat(unknownUser.err().strip()).isEqualTo("promoter: unknown user 'nobody'");
      assertThat(CliRun.of("token", "revoke", "tok_aaaaaaaaaa").exitCode()).isEqualTo(PromoterCli.NOT_FOUND);
      assertThat(CliRun.of("users", "remove", "nobody").exitCode()).isEqualTo(PromoterCli.NOT_FOUND);
      assertThat(CliRun.of("users", "list").out()).doesNotContain("eve");
    }
  }

  private static CliRun withStdin(String input, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return CliRun.of(args);
    } finally {
      System.setIn(saved);
    }
  }
}
