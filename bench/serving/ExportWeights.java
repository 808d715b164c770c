import dev.promoter.bundle.ModelBundle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * Writes the weights of a Promoter logistic-regression artifact (the zip the registry stores) as
 * JSON for the scikit-learn peer, so that both servers answer with the same model: k, canonical,
 * the labels in Tribuo's output order, the feature names in feature-id order, one weight row per
 * output and the bias. Doubles are printed with Java's shortest round-trip form, so Python reads
 * back the same bits.
 *
 *   java -cp ... bench/serving/ExportWeights.java ARTIFACT.zip OUT.json
 */
public class ExportWeights {
    public static void main(String[] args) throws Exception {
        ModelBundle bundle = ModelBundle.readArchive(Path.of(args[0]));
        if (!(bundle.model() instanceof LinearSGDModel linear)) {
            throw new IllegalArgumentException(args[0] + " is not a logistic regression: "
                    + bundle.model().getClass().getSimpleName());
        }
        ImmutableFeatureMap features = linear.getFeatureIDMap();
        DenseMatrix w = linear.getWeightsCopy();
        int outputs = w.getDimension1Size();
        int n = w.getDimension2Size() - 1; // bias last
        if (n != features.size()) {
            throw new IllegalStateException("weights have " + n + " columns for " + features.size() + " features");
        }
        try (PrintStream out = new PrintStream(args[1], "UTF-8")) {
            out.printf(Locale.ROOT, "{\"k\": %d, \"canonical\": %b,%n", bundle.metadata().k(), bundle.metadata().canonical());
            out.print("\"labels\": [");
            for (int o = 0; o < outputs; o++) {
                out.print((o == 0 ? "" : ", ") + "\"" + linear.getOutputIDInfo().getOutput(o).getLabel() + "\"");
            }
            out.print("],\n\"features\": [");
            for (int f = 0; f < n; f++) {
                out.print((f == 0 ? "" : ", ") + "\"" + features.get(f).getName() + "\"");
            }
            out.print("],\n\"weights\": [");
            for (int o = 0; o < outputs; o++) {
                out.print(o == 0 ? "[" : ",\n[");
                for (int f = 0; f < n; f++) {
                    out.print((f == 0 ? "" : ",") + Double.toString(w.get(o, f)));
                }
                out.print("]");
            }
            out.print("],\n\"bias\": [");
            for (int o = 0; o < outputs; o++) {
                out.print((o == 0 ? "" : ", ") + Double.toString(w.get(o, n)));
            }
            out.println("]}");
        }
        System.out.printf("exported %d outputs x %d features (k=%d) from %s%n", outputs, n, bundle.metadata().k(), args[0]);
    }
}
