package dev.promoter.bpmn.worker;

/** A business outcome the process models: thrown as a BPMN error with {@code failure} set. */
public final class BpmnError extends RuntimeException {
  private final String code;

  /** An error with one of {@link dev.promoter.bpmn.Processes.Errors}' codes. */
  public BpmnError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The BPMN error code a boundary event catches. */
  public String code() {
    return code;
  }
}
