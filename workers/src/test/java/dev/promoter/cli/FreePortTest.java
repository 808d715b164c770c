package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Test JVMs running side by side take their ports from separate shares of the range. */
class FreePortTest {

  @Test
  void eachTestJvmGetsPortsOnlyFromItsOwnShareAndTheyAreFree() throws Exception {
    for (int n = 1; n <= 3; n++) {
      for (int i = 0; i < 20; i++) {
        int port = StackProperties.freePort(n + " of 3");
        assertThat((port / 2) % 3).as("port %d for test JVM %d of 3", port, n).isEqualTo(n - 1);
        try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
          assertThat(bound.getLocalPort()).isEqualTo(port);
        }
      }
    }
  }

  @Test
  void aSettingThatIsNotNOfMMeansOneTestJvm() {
    assertThat(StackProperties.fork("2 of 2")).containsExactly(2, 2);
    assertThat(StackProperties.fork("")).containsExactly(1, 1);
    assertThat(StackProperties.fork("${surefire.forkNumber} of 2")).containsExactly(1, 1);
    assertThat(StackProperties.fork("3 of 2")).containsExactly(1, 1);
    assertThat(StackProperties.fork("0 of 2")).containsExactly(1, 1);
  }
}
