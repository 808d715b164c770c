package dev.promoter.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of evaluating a classifier on a labelled set.
 *
 * @param n         examples evaluated
 * @param accuracy  fraction labelled correctly
 * @param macroF1   unweighted mean of the per-class F1 over {@code labels}
 * @param perClass  one entry per label, in {@code labels} order
 * @param labels    every label seen in the truth or the predictions, project order first
 * @param confusion {@code confusion[truth][predicted]} counts, indexed by {@code labels}
 */
public record EvaluationReport(int n, double accuracy, double macroF1, List<ClassMetrics> perClass,
        List<String> labels, int[][] confusion) {

    /** Copies the lists and the matrix, so a report is a value. */
    public EvaluationReport {
        perClass = List.copyOf(perClass);
        labels = List.copyOf(labels);
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    /** @return the confusion matrix (a copy): rows truth, columns prediction */
    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /**
     * @param label a class
     * @return its figures
     * @throws IllegalArgumentException if the label was not seen
     */
    public ClassMetrics of(String label) {
        return perClass.stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("label not in report: " + label));
    }

    /**
     * @return flat metrics for the registry: {@code n}, {@code accuracy}, {@code macro_f1}, and
     *         {@code precision.L}, {@code recall.L}, {@code f1.L}, {@code support.L} per label L,
     *         and the non-zero confusion cells ({@link ConfusionCells})
     */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("n", (double) n);
        metrics.put("accuracy", accuracy);
        metrics.put("macro_f1", macroF1);
        for (ClassMetrics c : perClass) {
            metrics.put("precision." + c.label(), c.precision());
            metrics.put("recall." + c.label(), c.recall());
            metrics.put("f1." + c.label(), c.f1());
            metrics.put("support." + c.label(), (double) c.support());
        }
        metrics.putAll(ConfusionCells.metrics(labels, confusion));
        return metrics;
    }

    /** @return accuracy, macro-F1 and a per-class table, for people */
    public String toTable() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "n=%d accuracy=%.4f macro-F1=%.4f%n%-10s %9s %9s %9s %8s%n", n, accuracy, macroF1,
                "class", "precision", "recall", "F1", "support"));
        for (ClassMetrics c : perClass) {
            out.append(String.format(Locale.ROOT, "%-10s %9.4f %9.4f %9.4f %8d%n",
                    c.label(), c.precision(), c.recall(), c.f1(), c.support()));
        }
        return out.toString();
    }
}
