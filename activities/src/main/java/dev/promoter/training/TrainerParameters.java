package dev.promoter.training;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one mapping from trainer parameters by name (as {@code promoter train} options and
 * lifecycle candidates carry them) to a training configuration, and the one check of them that a
 * front door runs before a workflow starts. {@code promoter train --fragments 2} and a lifecycle
 * candidate with {@code fragments=2} train the same model because both come through here.
 */
public final class TrainerParameters {

  /** The trainer name of the CNN (trained by the GPU pool's module). */
  public static final String CNN = "cnn";

  /** Parameters of the k-mer trainers (logreg, xgboost, forest). */
  public static final Set<String> KMER = Set.of("k", "seed", "canonical", "epochs", "learning-rate",
      "trees", "max-depth", "fragments");

  /**
   * Parameters of the CNN. The GPU module's {@code CnnConfig} reads exactly these: {@code channels}
   * as a comma list of whole numbers, the rest as numbers.
   */
  public static final Set<String> CNN_PARAMETERS = Set.of("sequence-length", "channels", "kernel",
      "dense", "dropout", "epochs", "batch-size", "learning-rate", "lr-decay", "patience", "fragments",
      "validation-fraction", "max-per-class", "balance", "rare-mutation", "seed", "mean-pooling");

  private TrainerParameters() {}

  /**
   * Checks a candidate before anything trains, for any trainer: k-mer parameters are mapped to
   * their full configuration (so ranges are checked too); CNN parameters are checked by name and
   * form here, and their ranges when the GPU pool builds its configuration.
   *
   * @param trainer {@code logreg}, {@code xgboost}, {@code forest} or {@code cnn}
   * @param params parameters by name; null means none
   * @throws InvalidTrainerParametersException naming the unknown trainer, the unknown parameter
   *     with the valid names, or the malformed value
   */
  public static void validate(String trainer, Map<String, String> params) {
    Map<String, String> p = params == null ? Map.of() : params;
    if (CNN.equals(trainer)) {
      requireKnown(CNN, CNN_PARAMETERS, p);
      p.forEach((key, value) -> {
        if (key.equals("channels")) {
          Arrays.stream(value.split(",")).forEach(c -> integer(CNN, key, c.trim()));
        } else {
          decimal(CNN, key, value);
        }
      });
      return;
    }
    kmer(trainer, p);
  }

  /**
   * A k-mer trainer's configuration: its defaults ({@link TrainerConfig#defaults}) with the given
   * parameters replaced. {@code fragments} changes only the number of windows per record; the
   * trainer's shuffled negatives stay.
   *
   * @param trainer {@code logreg}, {@code xgboost} or {@code forest}
   * @param params parameters by name, from {@link #KMER}
   * @return the configuration
   * @throws InvalidTrainerParametersException as {@link #validate}
   */
  public static TrainerConfig kmer(String trainer, Map<String, String> params) {
    TrainerKind kind = kind(trainer);
    String name = kind.id();
    requireKnown(name, KMER, params);
    try {
      TrainerConfig config = TrainerConfig.defaults(kind);
      if (params.containsKey("k")) {
        config = config.withK(integer(name, "k", params.get("k")));
      }
      if (params.containsKey("seed")) {
        config = config.withSeed(longValue(name, "seed", params.get("seed")));
      }
      if (params.containsKey("canonical")) {
        config = new TrainerConfig(config.trainer(), config.k(), bool(name, "canonical", params.get("canonical")),
            config.seed(), config.hyperparameters(), config.augmentation(), config.balanceClasses());
      }
      Hyperparameters h = config.hyperparameters();
      if (params.containsKey("epochs") || params.containsKey("learning-rate")) {
        h = h.withSgd(params.containsKey("epochs") ? integer(name, "epochs", params.get("epochs")) : h.epochs(),
            params.containsKey("learning-rate") ? decimal(name, "learning-rate", params.get("learning-rate"))
                : h.learningRate());
      }
      if (params.containsKey("trees") || params.containsKey("max-depth")) {
        h = h.withTrees(params.containsKey("trees") ? integer(name, "trees", params.get("trees")) : h.trees(),
            params.containsKey("max-depth") ? integer(name, "max-depth", params.get("max-depth")) : h.maxDepth());
      }
      config = config.withHyperparameters(h);
      if (params.containsKey("fragments")) {
        config = config.withAugmentation(config.augmentation()
            .withFragmentsPerRecord(integer(name, "fragments", params.get("fragments"))));
      }
      return config;
    } catch (InvalidTrainerParametersException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // a range the configuration records refuse, e.g. k=12 or epochs=0
      throw new InvalidTrainerParametersException(name + " parameters " + new java.util.TreeMap<>(params)
          + ": " + e.getMessage());
    }
  }

  private static TrainerKind kind(String trainer) {
    try {
      return TrainerKind.parse(trainer);
    } catch (IllegalArgumentException e) {
      throw new InvalidTrainerParametersException("unknown trainer '" + trainer
          + "' (expected logreg, xgboost, forest or cnn)");
    }
  }

  /**
   * @throws InvalidTrainerParametersException naming the first unknown parameter and the valid ones
   */
  public static void requireKnown(String trainer, Set<String> valid, Map<String, String> params) {
    for (String key : new TreeSet<>(params.keySet())) {
      if (!valid.contains(key)) {
        throw new InvalidTrainerParametersException("unknown " + trainer + " parameter '" + key + "'; valid: "
            + new TreeSet<>(valid));
      }
    }
  }

  private static int integer(String trainer, String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw malformed(trainer, key, value, "a whole number");
    }
  }

  private static long longValue(String trainer, String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw malformed(trainer, key, value, "a whole number");
    }
  }

  private static double decimal(String trainer, String key, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw malformed(trainer, key, value, "a number");
    }
  }

  private static boolean bool(String trainer, String key, String value) {
    if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
      return Boolean.parseBoolean(value);
    }
    throw malformed(trainer, key, value, "true or false");
  }

  private static InvalidTrainerParametersException malformed(String trainer, String key, String value, String what) {
    return new InvalidTrainerParametersException(trainer + " parameter '" + key + "' is '" + value + "', not " + what);
  }
}
