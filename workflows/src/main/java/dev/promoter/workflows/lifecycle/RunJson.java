package dev.promoter.workflows.lifecycle;

import io.temporal.common.converter.GlobalDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** Run inputs and results as JSON for the registry, through Temporal's own data converter. */
public final class RunJson {
  private RunJson() {}

  /** The request as the registry stores it. */
  public static String request(LifecycleRequest request) {
    return json(request);
  }

  /**
   * A request read back from the registry's JSON (what {@link #request} wrote), e.g. the template
   * a drift-triggered retrain starts from.
   */
  public static LifecycleRequest readRequest(String json) {
    io.temporal.api.common.v1.Payload payload = io.temporal.api.common.v1.Payload.newBuilder()
        .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
        .setData(com.google.protobuf.ByteString.copyFromUtf8(json)).build();
    return GlobalDataConverter.get().fromPayload(payload, LifecycleRequest.class, LifecycleRequest.class);
  }

  /** A result as the registry stores it. */
  public static String result(LifecycleResult result) {
    return json(result);
  }

  static String json(Object value) {
    return GlobalDataConverter.get().toPayload(value).orElseThrow().getData().toStringUtf8();
  }

  /** The innermost failure's own message, without Temporal's wrapping. */
  static String cause(TemporalFailure e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof ApplicationFailure a ? a.getOriginalMessage() : t.getMessage();
  }
}
