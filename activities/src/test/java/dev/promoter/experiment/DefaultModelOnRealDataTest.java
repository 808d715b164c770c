package dev.promoter.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.RrnaDataset;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "done" criterion on the committed data: the default model (logistic regression, k = 6,
 * fragment augmentation) reaches macro-F1 >= 0.98 on the full held-out test set and >= 0.90 on
 * seeded 150-500 bp fragments of it. Skipped, not failed, where data/rrna is absent.
 */
class DefaultModelOnRealDataTest {

    /** Cap per class of training records, to bound runtime; the rare classes stay whole. */
    static final int MAX_TRAIN_PER_CLASS = 1500;

    @Test
    void defaultModelMeetsTheTargets() throws IOException {
        Path dir = Path.of("..", "data", "rrna");
        assumeTrue(Files.isRegularFile(dir.resolve("train.fasta.gz")) && Files.isRegularFile(dir.resolve("test.fasta.gz")),
                "data/rrna not present");
        RrnaDataset dataset = RrnaDataset.load(dir);
        TrainerConfig config = TrainerConfig.defaults(TrainerKind.LOGREG);

        TrainingResult result = TrainingRun.run(capPerClass(dataset.train()), dataset.test(), dataset.digest(), config);

        System.out.printf("trained in %s%nfull length:%n%sfragments:%n%s", result.trainingTime(),
                result.fullLength().toTable(), result.fragments().toTable());
        assertThat(result.fullLength().n()).isEqualTo(dataset.test().size());
        assertThat(result.fullLength().macroF1()).as(result.fullLength().toTable()).isGreaterThanOrEqualTo(0.98);
        assertThat(result.fragments().macroF1()).as(result.fragments().toTable()).isGreaterThanOrEqualTo(0.90);
        // The archived model gives the same answers once read back.
        ModelBundle back = ModelBundle.readArchive(new ByteArrayInputStream(result.bundle().toArchive()), "mem");
        assertThat(back.metadata().metrics()).containsEntry("macro_f1", result.fullLength().macroF1());
    }

    /** Deterministic: the first records of each class in file order. */
    static List<FastaRecord> capPerClass(List<FastaRecord> records) {
        Map<String, Integer> taken = new HashMap<>();
        List<FastaRecord> kept = new ArrayList<>();
        for (FastaRecord r : records) {
            if (taken.merge(RrnaDataset.label(r), 1, Integer::sum) <= MAX_TRAIN_PER_CLASS) {
                kept.add(r);
            }
        }
        return kept;
    }
}
