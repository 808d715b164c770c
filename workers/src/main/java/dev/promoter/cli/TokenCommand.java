package dev.promoter.cli;

import dev.promoter.identity.IdentityService;
import dev.promoter.registry.NewToken;
import dev.promoter.registry.TokenInfo;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code promoter token create|list|revoke}: thin adapters over {@link IdentityService}, acting
 * as {@code local:<os user>}. {@code create} prints the secret and nothing else on stdout, so
 * {@code TOKEN=$(promoter token create --user ci)} captures exactly it.
 */
@Command(name = "token", description = "Create, list and revoke API tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", description = "Create a token and print it once on stdout; "
      + "its id and expiry go to stderr.")
  static final class Create implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "whose token it is")
    String user;

    @Option(names = "--ttl", defaultValue = "30d", paramLabel = "TTL",
        description = "how long it lives: 30d, 12h, 90m or ISO-8601 (at most 365d; default: ${DEFAULT-VALUE})")
    String ttl;

    @Option(names = "--description", paramLabel = "TEXT", description = "what it is for")
    String description;

    @Override
    public void run() {
      java.time.Duration lifetime = Ttl.parse(ttl);
      NewToken token;
      try (IdentityDoor door = IdentityDoor.open()) {
        token = door.createToken(user, lifetime, description);
      }
      spec.commandLine().getErr().println("created " + token.id() + " for " + user + ", expires "
          + token.expiresAt() + "; the token is shown only now");
      spec.commandLine().getOut().println(token.secret());
    }
  }

  @Command(name = "list", description = "Tokens with their state; never a secret.")
  static final class ListTokens implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--user", paramLabel = "NAME", description = "only this user's tokens")
    String user;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      try (IdentityDoor door = IdentityDoor.open()) {
        List<TokenInfo> tokens = door.listTokens(user);
        if (tokens.isEmpty()) {
          out.println("no tokens" + (user == null ? "" : " for " + user));
          return;
        }
        Instant now = Instant.now();
        out.printf("%-14s %-20s %-8s %-28s %-20s %-28s %s%n", "ID", "USER", "STATE", "EXPIRES",
            "CREATED BY", "LAST USED", "DESCRIPTION");
        for (TokenInfo t : tokens) {
          out.printf("%-14s %-20s %-8s %-28s %-20s %-28s %s%n", t.id(), t.user(), state(t, now),
              t.expiresAt(), t.createdBy(), t.lastUsedAt() == null ? "-" : t.lastUsedAt(),
              t.description() == null ? "" : t.description());
        }
      }
    }

    private static String state(TokenInfo t, Instant now) {
      if (t.revokedAt() != null) {
        return "revoked";
      }
      return t.activeAt(now) ? "active" : "expired";
    }
  }

  @Command(name = "revoke", description = "Revoke a token by id; revoking it again changes nothing.")
  static final class Revoke implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "the token id (tok_...), from 'promoter token list'")
    String id;

    @Override
    public void run() {
      try (IdentityDoor door = IdentityDoor.open()) {
        door.revokeToken(id);
      }
      spec.commandLine().getOut().println("revoked " + id);
    }
  }
}
