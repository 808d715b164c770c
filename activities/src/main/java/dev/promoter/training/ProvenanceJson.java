package dev.promoter.training;

import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.tribuo.Model;

/** Tribuo provenance as the JSON string the registry stores with a model version. */
public final class ProvenanceJson {

    private ProvenanceJson() {
    }

    /**
     * @param model a trained model
     * @return its provenance (dataset, trainer and its settings, seed, time, JVM, OS) marshalled
     *         by OLCUT to JSON; {@code ProvenanceUtil.unmarshalProvenance} reads it back
     */
    public static String of(Model<?> model) {
        return new JsonProvenanceSerialization(true).serializeToString(
                ProvenanceUtil.marshalProvenance(model.getProvenance()));
    }
}
