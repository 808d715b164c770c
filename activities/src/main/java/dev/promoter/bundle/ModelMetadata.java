package dev.promoter.bundle;

import dev.promoter.training.TrainerConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a loader must know besides the Tribuo model, stored as {@code metadata.json}.
 *
 * @param formatVersion  layout of the bundle; a loader refuses versions it does not know
 * @param k              k-mer length the model was trained on
 * @param canonical      whether reverse complements share a feature
 * @param featureScaling how frequency vectors were scaled ({@code l2}: unit norm)
 * @param labels         the classes the model can answer, in report order
 * @param trainer        {@code logreg}, {@code xgboost} or {@code forest}
 * @param config         the full training configuration
 * @param datasetDigest  SHA-256 of the training data
 * @param metrics        held-out metrics (keys as {@code EvaluationReport.metrics()}), sorted
 */
public record ModelMetadata(int formatVersion, int k, boolean canonical, String featureScaling,
        List<String> labels, String trainer, TrainerConfig config, String datasetDigest,
        Map<String, Double> metrics) {

    /** The only layout this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Unit L2 norm, see {@code KmerExamples}. */
    public static final String L2 = "l2";

    /** Copies collections; sorted metrics make the JSON, and so the archive digest, stable. */
    public ModelMetadata {
        Objects.requireNonNull(config, "config");
        labels = List.copyOf(labels);
        metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
    }

    /**
     * @param config        training configuration
     * @param labels        the model's classes
     * @param datasetDigest SHA-256 of the training data
     * @return metadata of the current format without metrics yet
     */
    public static ModelMetadata of(TrainerConfig config, List<String> labels, String datasetDigest) {
        return new ModelMetadata(FORMAT_VERSION, config.k(), config.canonical(), L2, labels,
                config.trainer().id(), config, datasetDigest, Map.of());
    }

    /** @return a copy carrying these metrics */
    public ModelMetadata withMetrics(Map<String, Double> newMetrics) {
        return new ModelMetadata(formatVersion, k, canonical, featureScaling, labels, trainer, config,
                datasetDigest, newMetrics);
    }
}
