package dev.promoter.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * While a drill's server JVMs ({@link ServerProcess}) live, no other test JVM of this build
 * starts its own: the module's tests run in two JVMs at once (surefire's forkCount), and two
 * drills together start up to six server JVMs on 2 cores, where one that starts slowly misses
 * the Temporal health check's deadline. A file lock under {@code target/} (the test JVMs' working
 * folder) is held from a JVM's first live server process to its last; a drill in the other test
 * JVM waits in {@link ServerProcess#start} before its clock starts.
 */
final class OneDrillAtATime {
  private static final Path LOCK = Path.of("target", "one-drill-at-a-time.lock");
  private static int live;
  private static FileChannel channel;
  private static FileLock lock;

  private OneDrillAtATime() {}

  static synchronized void enter() {
    if (live++ > 0) {
      return;
    }
    try {
      Files.createDirectories(LOCK.getParent());
      channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = channel.lock(); // blocks while another test JVM's drill runs
    } catch (IOException e) {
      live--;
      closeQuietly();
      throw new UncheckedIOException("cannot take " + LOCK.toAbsolutePath(), e);
    }
  }

  static synchronized void leave() {
    if (live > 0 && --live == 0) {
      closeQuietly();
    }
  }

  private static void closeQuietly() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    } finally {
      lock = null;
      channel = null;
    }
  }
}
