package dev.promoter.gpu.training;

import dev.promoter.experiment.TrainingRun;
import dev.promoter.gpu.Devices;
import dev.promoter.gpu.model.CnnModelDirectory;
import dev.promoter.training.RrnaDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * {@code promoter train --trainer cnn}: trains from a dataset folder and writes a CNN model
 * directory, printing per-epoch progress and the same evaluation tables as the k-mer trainers.
 */
public final class CnnCommandLine {

  /** The trainer name of the CNN, on the command line and in lifecycle candidates. */
  public static final String TRAINER = "cnn";

  private CnnCommandLine() {}

  /**
   * @param data   dataset folder
   * @param out    model directory to write (replaced)
   * @param params CNN settings by name, see {@link CnnConfig#fromParams}
   * @param o      where to print
   * @return the exit code
   * @throws IOException if the data cannot be read or the model written
   * @throws IllegalArgumentException on a bad setting
   */
  public static int train(Path data, Path out, Map<String, String> params, PrintWriter o) throws IOException {
    CnnConfig config = CnnConfig.fromParams(params);
    RrnaDataset dataset = RrnaDataset.load(data);
    var devices = Devices.select();
    o.printf(Locale.ROOT, "training cnn on %d records (%s), dataset sha256 %s%n", dataset.train().size(),
        Devices.describe(devices), dataset.digest());
    o.println("settings: " + config.toParams());
    o.flush();
    Path work = Files.createTempDirectory("promoter-cnn-");
    try {
      CnnRunResult result = CnnTrainingRun.run(dataset.train(), dataset.test(), dataset.digest(), config, devices,
          work, TrainingState.fresh(), state -> {
            EpochStats e = state.log().get(state.log().size() - 1);
            o.printf(Locale.ROOT, "epoch %d: train loss %.4f, validation loss %.4f, %d examples in %.1f s (%.0f seq/s)%n",
                e.epoch(), e.trainLoss(), e.validationLoss(), e.examples(), e.seconds(), e.sequencesPerSecond());
            o.flush();
          });
      CnnModelDirectory.deleteQuietly(out);
      Files.createDirectories(out);
      try (var files = Files.list(result.modelDirectory())) {
        for (Path f : files.toList()) {
          Files.copy(f, out.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      o.printf(Locale.ROOT, "best epoch %d of %d; model written to %s%n", result.state().bestEpoch(),
          result.state().epochsDone(), out);
      o.println("held-out test set, full length:");
      o.print(result.fullLength().toTable());
      o.println("held-out test set, 150-500 bp fragments (seed " + TrainingRun.TEST_FRAGMENT_SEED + "):");
      o.print(result.fragments().toTable());
      o.flush(); // picocli's writer is not flushed on exit
      return 0;
    } finally {
      CnnModelDirectory.deleteQuietly(work);
    }
  }
}
