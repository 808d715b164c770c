package dev.promoter.evaluation;

/** The test set repeats a training sequence, so its figures would overstate generalisation. */
public final class TrainTestOverlapException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message which records collide */
    public TrainTestOverlapException(String message) {
        super(message);
    }
}
