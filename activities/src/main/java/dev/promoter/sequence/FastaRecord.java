package dev.promoter.sequence;

import java.util.Map;
import java.util.Objects;

/**
 * One FASTA entry.
 *
 * <p>The sequence is a {@link String} rather than a {@code byte[]}: it is immutable (records stay
 * values with a meaningful {@code equals}) and, being pure ASCII, is stored by the JVM as one byte
 * per base (compact strings), so it costs no more memory than an array.
 *
 * @param id          first whitespace-delimited token of the header, never empty
 * @param description rest of the header after the id, trimmed; empty when absent
 * @param sequence    normalised bases: upper case, {@code U} as {@code T}, IUPAC codes only, never
 *                    empty when produced by {@link FastaReader}
 */
public record FastaRecord(String id, String description, String sequence) {

    /** Validates that no component is null and the id is not blank. */
    public FastaRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sequence, "sequence");
        if (id.isBlank()) {
            throw new IllegalArgumentException("FASTA id must not be blank");
        }
    }

    /** @return number of bases */
    public int length() {
        return sequence.length();
    }

    /** @return the {@code key=value} attributes of the description, see {@link HeaderAttributes} */
    public Map<String, String> attributes() {
        return HeaderAttributes.parse(description);
    }

    /**
     * @param key attribute name, for example {@code class}
     * @return the attribute's value
     * @throws IllegalArgumentException if the description has no such attribute
     */
    public String attribute(String key) {
        String value = attributes().get(key);
        if (value == null) {
            throw new IllegalArgumentException("FASTA record " + id + " has no attribute '" + key + "'");
        }
        return value;
    }

    /** Keeps log lines short: a 50 Mbase sequence is shown by its length only. */
    @Override
    public String toString() {
        return "FastaRecord[id=" + id + ", description=" + description + ", length=" + sequence.length() + "]";
    }
}
