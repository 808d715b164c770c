package dev.promoter.bundle;

/** A model directory or archive that cannot be loaded; the message names the file. */
public final class ModelFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file
     * @param cause   the parser's complaint
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
