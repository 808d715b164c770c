package dev.promoter.cli;

import dev.promoter.experiment.TrainingResult;
import dev.promoter.experiment.TrainingRun;
import dev.promoter.gpu.training.CnnCommandLine;
import dev.promoter.training.RrnaDataset;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.InvalidTrainerParametersException;
import dev.promoter.training.TrainerParameters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code promoter train}: no server; reads a dataset folder, writes a model directory. */
@Command(name = "train", description = "Train an rRNA type classifier and evaluate it on the held-out set.")
final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "dataset folder with train.fasta[.gz] and test.fasta[.gz] (headers carry class=LABEL)")
  Path data;

  @Option(names = "--trainer", defaultValue = "logreg", paramLabel = "NAME", completionCandidates = TrainerNames.class,
      description = "one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  String trainer;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "model directory to write")
  Path out;

  @Option(names = "--k", paramLabel = "K",
      description = "k-mer length, 1 to 8 (default: the trainer's default: 6 for logreg, 5 for xgboost, 4 for forest)")
  Integer k;

  @Option(names = "--seed", defaultValue = "" + TrainerConfig.DEFAULT_SEED, description = "seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--canonical", description = "count a k-mer and its reverse complement together")
  boolean canonical;

  @Option(names = "--fragments", defaultValue = "-1", paramLabel = "N",
      description = "150-500 bp fragments added per training record (default: the trainer's default)")
  int fragments;

  @Option(names = "--cnn-param", paramLabel = "KEY=VALUE",
      description = "CNN setting, repeatable, e.g. --cnn-param epochs=4 --cnn-param max-per-class=200")
  java.util.Map<String, String> cnnParams = new java.util.LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    TrainOutput.check(out);
    if (CnnCommandLine.TRAINER.equals(trainer)) {
      // the CNN trains through DJL in this process, on the GPU if the engine has one
      java.util.Map<String, String> params = new java.util.LinkedHashMap<>(cnnParams);
      params.putIfAbsent("seed", Long.toString(seed));
      if (fragments >= 0) {
        params.putIfAbsent("fragments", Integer.toString(fragments));
      }
      try {
        return CnnCommandLine.train(data, out, params, spec.commandLine().getOut());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    // the options as trainer parameters, mapped by the same code as a lifecycle candidate's
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
    params.put("seed", Long.toString(seed));
    if (k != null) {
      params.put("k", Integer.toString(k));
    }
    if (canonical) {
      params.put("canonical", "true");
    }
    if (fragments >= 0) {
      params.put("fragments", Integer.toString(fragments));
    }
    TrainerConfig config;
    try {
      config = TrainerParameters.kmer(trainer, params);
    } catch (InvalidTrainerParametersException e) {
      throw new BadInputException(e.getMessage());
    }
    RrnaDataset dataset = RrnaDataset.load(data);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "training %s on %d records (k=%d, %d fragments each), dataset sha256 %s%n",
        config.trainer().id(), dataset.train().size(), config.k(), config.augmentation().fragmentsPerRecord(), dataset.digest());
    TrainingResult result = TrainingRun.run(dataset, config);
    result.bundle().write(out);
    o.printf(Locale.ROOT, "trained in %.1f s; model written to %s%n", result.trainingTime().toMillis() / 1000.0, out);
    o.println("held-out test set, full length:");
    o.print(result.fullLength().toTable());
    o.println("held-out test set, 150-500 bp fragments (seed " + TrainingRun.TEST_FRAGMENT_SEED + "):");
    o.print(result.fragments().toTable());
    o.flush(); // print() does not flush picocli's auto-flushing writer, and main() exits right after
    return 0;
  }
}
