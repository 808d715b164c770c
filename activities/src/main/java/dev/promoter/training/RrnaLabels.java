package dev.promoter.training;

import java.util.List;

/** The closed set of classes of the rRNA type task, in the order reports list them. */
public final class RrnaLabels {

    /** Every label a dataset may carry, exactly as it appears after {@code class=}. */
    public static final List<String> ALL =
            List.of("5S", "5.8S", "16S", "18S", "23S", "28S", "mt-SSU", "non-rRNA");

    /** The class of anything that is not an rRNA gene, and the answer when a model has no evidence. */
    public static final String NON_RRNA = "non-rRNA";

    private RrnaLabels() {
    }

    /**
     * @param label a candidate label
     * @return whether it is one of {@link #ALL}
     */
    public static boolean isKnown(String label) {
        return ALL.contains(label);
    }
}
