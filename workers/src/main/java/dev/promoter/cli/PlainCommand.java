package dev.promoter.cli;

import java.io.PrintWriter;

/**
 * A command that {@link PlainMain} can run without picocli once its options are set: the same
 * method picocli's {@code call()} runs, with picocli's writers.
 */
interface PlainCommand {
  /**
   * @param stdout where the command's result goes
   * @param stderr where its notes go
   * @return the exit code
   */
  int run(PrintWriter stdout, PrintWriter stderr) throws Exception;
}
