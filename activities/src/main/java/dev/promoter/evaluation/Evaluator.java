package dev.promoter.evaluation;

import dev.promoter.sequence.FastaRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes an {@link EvaluationReport} from truth and predictions. The arithmetic is our own so
 * that any classifier can be scored; a test checks it against Tribuo's {@code LabelEvaluation}.
 */
public final class Evaluator {

    /** Report order for the project's classes; any other label follows, sorted. */
    static final List<String> PREFERRED_ORDER =
            List.of("5S", "5.8S", "16S", "18S", "23S", "28S", "mt-SSU", "non-rRNA");

    private Evaluator() {
    }

    /**
     * @param classifier labels sequences
     * @param records    labelled records
     * @param labelOf    reads a record's truth, e.g. its {@code class=} attribute
     * @return the report
     */
    public static EvaluationReport evaluate(LabelPredictor classifier, List<FastaRecord> records,
            Function<FastaRecord, String> labelOf) {
        List<String> truth = records.stream().map(labelOf).toList();
        List<String> predicted = classifier.predictLabels(records.stream().map(FastaRecord::sequence).toList());
        return evaluate(truth, predicted);
    }

    /**
     * Macro-F1 averages over every label that occurs in the truth or the predictions (as
     * scikit-learn does); a label the model knows but that occurs in neither is left out, so a
     * fragment test set without 5S (5S genes are shorter than the shortest fragment) is not
     * charged an F1 of 0 for it.
     *
     * @param truth     true labels
     * @param predicted predicted labels, same length
     * @return the report
     */
    public static EvaluationReport evaluate(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(truth.size() + " truths but " + predicted.size() + " predictions");
        }
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no examples");
        }
        List<String> labels = labelOrder(truth, predicted);
        Map<String, Integer> index = new HashMap<>();
        labels.forEach(l -> index.put(l, index.size()));
        int[][] confusion = new int[labels.size()][labels.size()];
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            confusion[index.get(truth.get(i))][index.get(predicted.get(i))]++;
            correct += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        List<ClassMetrics> perClass = new ArrayList<>();
        double f1Sum = 0;
        for (int c = 0; c < labels.size(); c++) {
            ClassMetrics metrics = classMetrics(labels.get(c), c, confusion);
            perClass.add(metrics);
            f1Sum += metrics.f1();
        }
        return new EvaluationReport(truth.size(), (double) correct / truth.size(), f1Sum / labels.size(),
                perClass, labels, confusion);
    }

    /**
     * @param train training records
     * @param test  held-out records
     * @throws TrainTestOverlapException naming the first pair with identical sequences
     */
    public static void requireDisjoint(List<FastaRecord> train, List<FastaRecord> test) {
        Map<String, String> trainIds = new HashMap<>();
        train.forEach(r -> trainIds.putIfAbsent(r.sequence(), r.id()));
        for (FastaRecord record : test) {
            String trainId = trainIds.get(record.sequence());
            if (trainId != null) {
                throw new TrainTestOverlapException("test record " + record.id()
                        + " has the same sequence as training record " + trainId);
            }
        }
    }

    private static ClassMetrics classMetrics(String label, int c, int[][] confusion) {
        int truePositives = confusion[c][c];
        int support = 0;
        int predictedAs = 0;
        for (int j = 0; j < confusion.length; j++) {
            support += confusion[c][j];
            predictedAs += confusion[j][c];
        }
        double precision = ratio(truePositives, predictedAs);
        double recall = ratio(truePositives, support);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(label, precision, recall, f1, support);
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static List<String> labelOrder(List<String> truth, List<String> predicted) {
        TreeSet<String> seen = new TreeSet<>(truth);
        seen.addAll(predicted);
        List<String> labels = new ArrayList<>();
        PREFERRED_ORDER.stream().filter(seen::remove).forEach(labels::add);
        labels.addAll(seen);
        return labels;
    }
}
