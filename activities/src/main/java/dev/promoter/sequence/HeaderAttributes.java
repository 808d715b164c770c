package dev.promoter.sequence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the {@code key=value} attributes of a FASTA description, as in the project's dataset
 * headers {@code >ID class=16S source=silva-ssu-93}.
 *
 * <p>Tokens are whitespace-delimited; tokens without {@code '='} are free text and ignored, so a
 * header such as {@code >X1 Escherichia coli class=16S} still yields {@code class}. A value
 * cannot contain whitespace. A repeated key is an error rather than "last wins": a record with
 * two {@code class} labels is a data bug that would silently mislabel training data.
 */
public final class HeaderAttributes {

    private HeaderAttributes() {
    }

    /**
     * @param description a FASTA description (the header without its id)
     * @return attributes in header order, unmodifiable; empty if there are none
     * @throws IllegalArgumentException on an empty key ({@code =x}) or a repeated key
     */
    public static Map<String, String> parse(String description) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String token : description.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq < 0) {
                continue;
            }
            if (eq == 0) {
                throw new IllegalArgumentException("empty attribute key in '" + token + "'");
            }
            String key = token.substring(0, eq);
            if (attributes.putIfAbsent(key, token.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("attribute '" + key + "' repeated in '" + description + "'");
            }
        }
        return Collections.unmodifiableMap(attributes);
    }
}
