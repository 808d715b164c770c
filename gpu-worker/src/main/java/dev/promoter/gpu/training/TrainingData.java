package dev.promoter.gpu.training;

import dev.promoter.sequence.FastaRecord;
import dev.promoter.sequence.FragmentSampler;
import dev.promoter.training.RrnaDataset;
import dev.promoter.training.RrnaLabels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * The examples of a run: records split into fit and validation sets (seeded), full-length records
 * plus fresh random 150-500 bp fragments each epoch, so the network learns reads as well as genes.
 *
 * @param labels     class names in output order (project order, then any others sorted)
 * @param fit        records trained on
 * @param validation validation examples: held-back records and one fixed fragment of each
 * @param config     the run's settings
 */
record TrainingData(List<String> labels, List<FastaRecord> fit, List<Example> validation, CnnConfig config) {

  private static final String BASES = "ACGT";

  static TrainingData prepare(List<FastaRecord> records, CnnConfig config) {
    List<String> labels = labelsOf(records);
    List<FastaRecord> capped = capPerClass(records, config);
    List<FastaRecord> shuffled = new ArrayList<>(capped);
    Collections.shuffle(shuffled, new Random(config.seed()));
    int held = Math.max(1, (int) Math.round(shuffled.size() * config.validationFraction()));
    if (held >= shuffled.size()) {
      throw new IllegalArgumentException("too few training records (" + shuffled.size() + ") to hold back validation");
    }
    List<FastaRecord> validationRecords = shuffled.subList(0, held);
    List<FastaRecord> fit = List.copyOf(shuffled.subList(held, shuffled.size()));
    List<FastaRecord> validation = new ArrayList<>(validationRecords);
    validation.addAll(FragmentSampler.withDefaultLengths(config.seed() + 1).sampleAll(validationRecords, 1));
    return new TrainingData(labels, fit, examples(validation, labels), config);
  }

  /** @return examples per epoch (the same every epoch), for the learning-rate schedule */
  int examplesPerEpoch() {
    return epoch(1).size();
  }

  /**
   * Repeats random examples of each class below {@code balance} times the largest class's count;
   * with {@code rare-mutation} above 0 each repeat has that share of its bases replaced at random.
   */
  private void oversampleRareClasses(List<Example> examples, Random random) {
    if (config.balance() == 0) {
      return;
    }
    Map<Integer, List<Example>> byClass = new LinkedHashMap<>();
    examples.forEach(e -> byClass.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e));
    int largest = byClass.values().stream().mapToInt(List::size).max().orElse(0);
    int floor = (int) Math.ceil(config.balance() * largest);
    for (List<Example> members : byClass.values()) {
      for (int i = members.size(); i < floor; i++) {
        Example copy = members.get(random.nextInt(members.size()));
        examples.add(config.rareMutation() > 0 ? mutated(copy, config.rareMutation(), random) : copy);
      }
    }
  }

  /**
   * @return the example with each base, with probability {@code rate}, replaced by one of the
   *     three other bases (an N by any of the four), drawn from {@code random}
   */
  static Example mutated(Example example, double rate, Random random) {
    char[] bases = example.sequence().toCharArray();
    for (int i = 0; i < bases.length; i++) {
      if (random.nextDouble() < rate) {
        char old = bases[i];
        char replacement;
        do {
          replacement = BASES.charAt(random.nextInt(BASES.length()));
        } while (replacement == old);
        bases[i] = replacement;
      }
    }
    return new Example(new String(bases), example.label());
  }

  /** @param epoch 1-based @return that epoch's examples, shuffled; the same for the same epoch */
  List<Example> epoch(int epoch) {
    List<FastaRecord> records = new ArrayList<>(fit);
    records.addAll(FragmentSampler.withDefaultLengths(config.seed() * 1_000_003L + epoch)
        .sampleAll(fit, config.fragmentsPerRecord()));
    List<Example> examples = new ArrayList<>(examples(records, labels));
    oversampleRareClasses(examples, new Random(config.seed() * 17 + epoch));
    Collections.shuffle(examples, new Random(config.seed() * 31 + epoch));
    return examples;
  }

  private static List<Example> examples(List<FastaRecord> records, List<String> labels) {
    Map<String, Integer> index = new LinkedHashMap<>();
    labels.forEach(l -> index.put(l, index.size()));
    return records.stream().map(r -> new Example(r.sequence(), index.get(RrnaDataset.label(r)))).toList();
  }

  private static List<FastaRecord> capPerClass(List<FastaRecord> records, CnnConfig config) {
    if (config.maxPerClass() == 0) {
      return records;
    }
    List<FastaRecord> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(config.seed() - 1));
    Map<String, Integer> taken = new LinkedHashMap<>();
    List<FastaRecord> kept = new ArrayList<>();
    for (FastaRecord r : shuffled) {
      if (taken.merge(RrnaDataset.label(r), 1, Integer::sum) <= config.maxPerClass()) {
        kept.add(r);
      }
    }
    return kept;
  }

  private static List<String> labelsOf(List<FastaRecord> records) {
    TreeSet<String> seen = new TreeSet<>();
    records.forEach(r -> seen.add(RrnaDataset.label(r)));
    List<String> ordered = new ArrayList<>(RrnaLabels.ALL.stream().filter(seen::remove).toList());
    ordered.addAll(seen);
    if (ordered.size() < 2) {
      throw new IllegalArgumentException("training records carry " + ordered.size() + " class(es); need 2 or more");
    }
    return ordered;
  }
}
