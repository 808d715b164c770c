package dev.promoter.evaluation;

import java.util.List;

/** Anything that labels sequences: a Tribuo-backed classifier, an external tool's output, a stub. */
@FunctionalInterface
public interface LabelPredictor {

    /**
     * @param sequences nucleotides
     * @return one label per sequence, in input order
     */
    List<String> predictLabels(List<String> sequences);
}
