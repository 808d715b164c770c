package dev.promoter.cli;

import dev.promoter.identity.IdentityService;
import dev.promoter.registry.UserInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code promoter users add|list|remove|set-roles}: thin adapters over {@link IdentityService},
 * acting as {@code local:<os user>} on the registry this process reaches.
 */
@Command(name = "users", description = "Add, list and remove users and set their roles "
    + "(viewer, submitter, approver, admin).",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class,
        UsersCommand.SetRoles.class, UsersCommand.SetPassword.class})
final class UsersCommand implements Runnable {
  // a password longer than bcrypt's 72 bytes is refused anyway; this bounds what is read
  private static final int MAX_STDIN_BYTES = 4096;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "add", description = "Add a user. Without --password-stdin they sign in with API tokens only.")
  static final class Add implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the user name")
    String name;

    @Option(names = "--roles", required = true, split = ",", paramLabel = "ROLE",
        description = "comma-separated: viewer, submitter, approver, admin")
    List<String> roles;

    @Option(names = "--password-stdin", description = "read the password from standard input "
        + "(like docker login); a trailing newline is dropped")
    boolean passwordStdin;

    @Override
    public void run() {
      char[] password = passwordStdin ? readPassword(System.in) : null;
      try (IdentityDoor door = IdentityDoor.open()) {
        door.addUser(name, new LinkedHashSet<>(roles), password);
      } finally {
        if (password != null) {
          Arrays.fill(password, '\0');
        }
      }
      spec.commandLine().getOut().println("added user " + name + " (" + String.join(",", roles)
          + (passwordStdin ? ", password" : ", tokens only: promoter token create --user " + name) + ")");
    }
  }

  @Command(name = "list", description = "Every user with roles and how they sign in; never a password hash.")
  static final class ListUsers implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      try (IdentityDoor door = IdentityDoor.open()) {
        List<UserInfo> users = door.listUsers();
        if (users.isEmpty()) {
          out.println("no users yet (add one: promoter users add NAME --roles ROLE[,ROLE])");
          return;
        }
        out.printf("%-24s %-34s %-16s %s%n", "USER", "ROLES", "SIGN-IN", "CREATED");
        for (UserInfo u : users) {
          out.printf("%-24s %-34s %-16s %s%n", u.name(), u.roles().isEmpty() ? "-" : String.join(",", u.roles()),
              u.hasPassword() ? "password,tokens" : "tokens", u.createdAt());
        }
      }
    }
  }

  @Command(name = "remove", description = "Remove a user and revoke every token of theirs.")
  static final class Remove implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the user name")
    String name;

    @Override
    public void run() {
      try (IdentityDoor door = IdentityDoor.open()) {
        door.removeUser(name);
      }
      spec.commandLine().getOut().println("removed user " + name + " and their tokens");
    }
  }

  @Command(name = "set-roles", description = "Set a user's roles to exactly those given.")
  static final class SetRoles implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the user name")
    String name;

    @Option(names = "--roles", required = true, split = ",", paramLabel = "ROLE",
        description = "comma-separated: viewer, submitter, approver, admin")
    List<String> roles;

    @Override
    public void run() {
      Set<String> set = new LinkedHashSet<>(roles);
      try (IdentityDoor door = IdentityDoor.open()) {
        door.setRoles(name, set);
      }
      spec.commandLine().getOut().println("user " + name + " now holds " + String.join(",", set));
    }
  }

  @Command(name = "set-password", description = "Set a user's web UI password from standard input, "
      + "or with --none make them a token-only user.")
  static final class SetPassword implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the user name")
    String name;

    @Option(names = "--password-stdin", description = "read the password from standard input; a trailing newline is dropped")
    boolean passwordStdin;

    @Option(names = "--none", description = "remove the password: tokens only")
    boolean none;

    @Override
    public void run() {
      if (passwordStdin == none) {
        throw new BadInputException("give exactly one of --password-stdin and --none");
      }
      char[] password = passwordStdin ? readPassword(System.in) : null;
      try (IdentityDoor door = IdentityDoor.open()) {
        door.setPassword(name, password);
      } finally {
        if (password != null) {
          Arrays.fill(password, '\0');
        }
      }
      spec.commandLine().getOut().println(none ? "user " + name + " now signs in with tokens only"
          : "user " + name + " has a new password");
    }
  }

  /** The password on standard input, without its trailing newline; the bytes read are wiped. */
  static char[] readPassword(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_STDIN_BYTES + 1);
    } catch (IOException e) {
      throw new BadInputException("cannot read the password from standard input: " + e.getMessage());
    }
    try {
      if (bytes.length > MAX_STDIN_BYTES) {
        throw new BadInputException("--password-stdin read more than " + MAX_STDIN_BYTES + " bytes");
      }
      int end = bytes.length;
      while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
        end--;
      }
      if (end == 0) {
        throw new BadInputException("--password-stdin read no password from standard input");
      }
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
      char[] password = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
      Arrays.fill(chars.array(), '\0');
      return password;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
