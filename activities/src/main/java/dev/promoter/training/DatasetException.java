package dev.promoter.training;

/** A dataset folder that cannot be trained on: missing file, unknown label, leakage. */
public final class DatasetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file */
    public DatasetException(String message) {
        super(message);
    }
}
