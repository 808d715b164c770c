package dev.promoter.training;

import java.util.Arrays;
import java.util.Locale;

/** Which Tribuo learner builds the model. */
public enum TrainerKind {
    /** Multinomial logistic regression by SGD with AdaGrad: cheap, and probabilistic. */
    LOGREG,
    /** Gradient-boosted trees (XGBoost, native library). */
    XGBOOST,
    /** Random forest of CART trees with majority voting. */
    FOREST;

    /** @return the name used on the command line and in metadata, e.g. {@code logreg} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code logreg}, {@code xgboost} or {@code forest}, any case
     * @return the kind
     * @throws IllegalArgumentException naming the allowed values
     */
    public static TrainerKind parse(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown trainer '" + id + "' (expected logreg, xgboost or forest)"));
    }
}
