package dev.promoter.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.experiment.CandidateTrainerConfig;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One mapping from parameters to a training configuration, for the CLI and the lifecycle. */
class TrainerParametersTest {

    @Test
    void fragmentsChangeTheWindowsAndKeepTheShuffledNegatives() {
        TrainerConfig config = TrainerParameters.kmer("logreg", Map.of("fragments", "2"));
        assertThat(config.augmentation().fragmentsPerRecord()).isEqualTo(2);
        assertThat(config.augmentation().shuffledFraction()).isEqualTo(Augmentation.DEFAULT_SHUFFLED_FRACTION);
        assertThat(config).isEqualTo(TrainerConfig.defaults(TrainerKind.LOGREG)
                .withAugmentation(TrainerConfig.defaults(TrainerKind.LOGREG).augmentation().withFragmentsPerRecord(2)));
    }

    @Test
    void aLifecycleCandidateTrainsExactlyAsTheSameParametersOnTheCommandLine() {
        // what `promoter train --trainer forest --k 5 --seed 7 --canonical --fragments 3` hands over
        Map<String, String> cli = Map.of("seed", "7", "k", "5", "canonical", "true", "fragments", "3");
        TrainerConfig lifecycle = CandidateTrainerConfig.of(new CandidateConfig("f", "forest", null, cli));
        assertThat(lifecycle).isEqualTo(TrainerParameters.kmer("forest", cli));
        assertThat(lifecycle.k()).isEqualTo(5);
        assertThat(lifecycle.seed()).isEqualTo(7);
        assertThat(lifecycle.canonical()).isTrue();
        assertThat(lifecycle.augmentation()).isEqualTo(Augmentation.defaults(3));
    }

    @Test
    void noParametersMeansTheTrainersDefaults() {
        for (TrainerKind kind : TrainerKind.values()) {
            assertThat(TrainerParameters.kmer(kind.id(), Map.of())).isEqualTo(TrainerConfig.defaults(kind));
        }
    }

    @Test
    void unknownNamesAreRefusedListingTheValidOnes() {
        assertThatThrownBy(() -> TrainerParameters.validate("logreg", Map.of("epoch", "3")))
                .isInstanceOf(InvalidTrainerParametersException.class)
                .hasMessage("unknown logreg parameter 'epoch'; valid: [canonical, epochs, fragments, k, "
                        + "learning-rate, max-depth, seed, trees]");
        assertThatThrownBy(() -> TrainerParameters.validate("cnn", Map.of("k", "6")))
                .isInstanceOf(InvalidTrainerParametersException.class)
                .hasMessageStartingWith("unknown cnn parameter 'k'; valid: [balance, batch-size, channels,");
        assertThatThrownBy(() -> TrainerParameters.validate("svm", Map.of()))
                .isInstanceOf(InvalidTrainerParametersException.class)
                .hasMessageContaining("unknown trainer 'svm' (expected logreg, xgboost, forest or cnn)");
    }

    @Test
    void malformedAndOutOfRangeValuesAreRefused() {
        assertThatThrownBy(() -> TrainerParameters.validate("logreg", Map.of("k", "six")))
                .isInstanceOf(InvalidTrainerParametersException.class).hasMessageContaining("'k' is 'six'");
        assertThatThrownBy(() -> TrainerParameters.validate("logreg", Map.of("k", "12")))
                .isInstanceOf(InvalidTrainerParametersException.class).hasMessageContaining("k must be in 1..8");
        assertThatThrownBy(() -> TrainerParameters.validate("xgboost", Map.of("canonical", "yes")))
                .isInstanceOf(InvalidTrainerParametersException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> TrainerParameters.validate("cnn", Map.of("channels", "16,x,64")))
                .isInstanceOf(InvalidTrainerParametersException.class).hasMessageContaining("'channels'");
        assertThatCode(() -> TrainerParameters.validate("cnn", Map.of("epochs", "4", "channels", "8,16,32")))
                .doesNotThrowAnyException();
        assertThatCode(() -> TrainerParameters.validate("forest", null)).doesNotThrowAnyException();
    }
}
