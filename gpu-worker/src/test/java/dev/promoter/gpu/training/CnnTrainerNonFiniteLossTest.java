package dev.promoter.gpu.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.gpu.Devices;
import dev.promoter.gpu.SyntheticRrna;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An epoch whose loss is not finite fails the training, naming the epoch, before it is
 * checkpointed or reported: a retry then resumes from the last good checkpoint instead of from a
 * state without a best epoch.
 */
class CnnTrainerNonFiniteLossTest {
  @TempDir Path work;

  @Test
  void anEpochWithANonFiniteLossFailsBeforeItIsCheckpointed() {
    // Adam's first step moves every parameter by about the learning rate: at 1e30 the next
    // forward pass overflows, so the first epoch's loss is infinite or NaN
    CnnConfig diverging = new CnnConfig(512, List.of(8, 16, 16), 7, 16, 0.1f, 2, 16, 1e30f, 0.8f, 2, 1, 0.15, 0,
        0.25, 0, 11, true);
    List<Integer> reported = new ArrayList<>();
    CnnTrainer trainer = new CnnTrainer(diverging, Devices.select());
    assertThatThrownBy(() -> trainer.train(SyntheticRrna.records(30, 1, "train"), "synthetic", work,
        TrainingState.fresh(), new EpochListener() {
          @Override
          public void afterEpoch(TrainingState state) {
            reported.add(state.epochsDone());
          }
        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("epoch 1 of the CNN ended with a loss that is not finite")
        .hasMessageEndingWith("not checkpointed");
    assertThat(reported).isEmpty();
    assertThat(Files.exists(work.resolve("checkpoint-last"))).isFalse();
    assertThat(Files.exists(work.resolve("checkpoint-best"))).isFalse();
  }
}
