package dev.promoter.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.promoter.workflows.lifecycle.CandidateProgress;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingDetailsTest {

  @Test
  void eachTrainingCandidateGetsItsOwnBeatsStep() {
    LifecycleProgress progress = progress(
        new CandidateProgress("logreg", "logreg", "cpu", "DONE", Map.of("macro_f1", 0.99), null),
        new CandidateProgress("forest", "forest", "cpu", "TRAINING", Map.of(), null),
        new CandidateProgress("xgboost", "xgboost", "cpu", "TRAINING", Map.of(), null));

    LifecycleProgress attached = TrainingDetails.attach(progress, List.of(
        Map.of("candidate", "forest", "detail", "tree 4/10", "seconds", 40),
        Map.of("candidate", "logreg", "detail", "scoring", "seconds", 20)));

    assertThat(attached.candidates()).extracting(CandidateProgress::detail)
        .containsExactly(null, "tree 4/10", null);
  }

  @Test
  void aCnnCheckpointGoesToTheOneCnnInTrainingOnly() {
    Map<String, Object> checkpoint = Map.of("epoch", 3, "bestValidationLoss", 0.2);
    CandidateProgress cnn = new CandidateProgress("cnn", "cnn", "gpu", "TRAINING", Map.of(), null);

    assertThat(TrainingDetails.attach(progress(cnn), List.of(checkpoint)).candidates().getFirst().detail())
        .isEqualTo("epoch 3 done");
    CandidateProgress second = new CandidateProgress("cnn-wide", "cnn", "gpu", "TRAINING", Map.of(), null);
    assertThat(TrainingDetails.attach(progress(cnn, second), List.of(checkpoint)).candidates())
        .extracting(CandidateProgress::detail).containsOnlyNulls();
  }

  @Test
  void progressRecordedBeforeTheDetailExistedStillReads() {
    String old = "{\"name\":\"forest\",\"trainer\":\"forest\",\"taskQueue\":\"cpu\",\"state\":\"TRAINING\","
        + "\"metrics\":{},\"error\":null}";
    Payloads payloads = Payloads.newBuilder().addPayloads(Payload.newBuilder()
        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFrom(old, StandardCharsets.UTF_8))).build();

    CandidateProgress read = DefaultDataConverter.newDefaultInstance()
        .fromPayloads(0, Optional.of(payloads), CandidateProgress.class, CandidateProgress.class);

    assertThat(read).isEqualTo(new CandidateProgress("forest", "forest", "cpu", "TRAINING", Map.of(), null));
  }

  private static LifecycleProgress progress(CandidateProgress... candidates) {
    return new LifecycleProgress(LifecycleStatus.RUNNING, "experiment", List.of(candidates), null, null,
        null, null, null);
  }
}
