package dev.promoter.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.consensus.newick.NewickParser;
import dev.promoter.workflows.activities.ConsensusActivities;
import dev.promoter.workflows.activities.ConsensusTask;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consensus activities through Temporal's activity test environment. */
class ConsensusActivitiesTest {
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  @TempDir Path dir;

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void majorityConsensusAndRfMatrixOfAFile() throws Exception {
    env.registerActivitiesImplementations(new ConsensusActivitiesImpl());
    ConsensusActivities activities = env.newActivityStub(ConsensusActivities.class);
    Path trees = Files.writeString(dir.resolve("t.nwk"),
        "((A,B),(C,D),E);\n((A,B),(C,E),D);\n((A,B),(C,D),E);\n");
    String tree = activities.consensusTree(new ConsensusTask(trees.toString(), "majority", 0.5, false, null));
    TreeConsensus consensus = new TreeConsensus();
    assertThat(consensus.rf(NewickParser.parse(tree), NewickParser.parse("((A,B),(C,D),E);"))).isZero();
    assertThat(tree).contains("(C,D)0.6667");
    assertThat(activities.rfMatrix(trees.toString(), "NONE").lines()).hasSize(4);
  }

  @Test
  void malformedNewickFailsWithoutRetry() throws Exception {
    env.registerActivitiesImplementations(new ConsensusActivitiesImpl());
    ConsensusActivities activities = env.newActivityStub(ConsensusActivities.class);
    Path trees = Files.writeString(dir.resolve("bad.nwk"), "((A,B),(C,D);\n");
    assertThatThrownBy(() -> activities.consensusTree(new ConsensusTask(trees.toString(), "strict", 0.5, false, List.of())))
        .isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOf(ApplicationFailure.class)
        .satisfies(e -> assertThat(((ApplicationFailure) e).isNonRetryable()).isTrue())
        .hasMessageContaining("line 1");
  }
}
