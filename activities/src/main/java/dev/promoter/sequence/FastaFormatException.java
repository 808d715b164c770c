package dev.promoter.sequence;

/**
 * Malformed FASTA input. The message always names the source and the 1-based line, so that a
 * bad record in a 200 MB training file can be found with {@code sed -n 'LINEp'}.
 */
public final class FastaFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /**
     * @param source the file name or description of the stream being read
     * @param line   1-based line number of the offending line
     * @param reason what is wrong, without the location
     */
    public FastaFormatException(String source, long line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
    }

    /** @return the file name or description of the stream that was being read */
    public String source() {
        return source;
    }

    /** @return 1-based line number of the offending line */
    public long line() {
        return line;
    }
}
