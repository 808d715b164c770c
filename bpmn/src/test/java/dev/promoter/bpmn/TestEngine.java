package dev.promoter.bpmn;

import dev.promoter.bpmn.engine.CamundaLifecycles;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The embedded Zeebe engine (zeebe-process-test, in memory) on a free loopback gRPC port, a
 * {@link CamundaClient} to it (gRPC: the engine has no REST API), and the processes deployed.
 */
final class TestEngine implements AutoCloseable {
  final ZeebeTestEngine engine;
  final CamundaClient client;
  final CamundaLifecycles lifecycles;

  TestEngine() {
    this(true);
  }

  /** An engine with nothing deployed yet unless {@code deploy}. */
  TestEngine(boolean deploy) {
    engine = EngineFactory.create();
    engine.start();
    client = CamundaClient.newClientBuilder().preferRestOverGrpc(false)
        .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
        .defaultRequestTimeout(Duration.ofSeconds(30)).build();
    BpmnAssert.initRecordStream(RecordStream.of(engine.getRecordStreamSource()));
    lifecycles = new CamundaLifecycles(client);
    if (deploy) {
      lifecycles.deployWithRetrain();
    }
  }

  /** Path assertions on one process instance. */
  ProcessInstanceAssert assertThat(long processInstanceKey) {
    return new ProcessInstanceAssert(processInstanceKey, BpmnAssert.getRecordStream());
  }

  /** Waits until the process instance has completed (or the timeout passes). */
  void awaitCompleted(long processInstanceKey, Duration timeout) {
    await(() -> completed(processInstanceKey), timeout, "instance " + processInstanceKey + " to complete");
  }

  /** Waits until the instance has passed {@code elementId} (e.g. opened its approval). */
  void awaitPassed(long processInstanceKey, String elementId, Duration timeout) {
    await(() -> records().anyMatch(r -> r.getValue().getProcessInstanceKey() == processInstanceKey
            && r.getValue().getElementId().equals(elementId)
            && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED),
        timeout, elementId + " of instance " + processInstanceKey);
  }

  /** Waits until the instance has entered {@code elementId}. */
  void awaitEntered(long processInstanceKey, String elementId, Duration timeout) {
    await(() -> records().anyMatch(r -> r.getValue().getProcessInstanceKey() == processInstanceKey
            && r.getValue().getElementId().equals(elementId)
            && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED),
        timeout, elementId + " of instance " + processInstanceKey + " to be entered");
  }

  /** How many times the instance has entered {@code elementId} so far. */
  long entered(long processInstanceKey, String elementId) {
    return records().filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey
        && r.getValue().getElementId().equals(elementId)
        && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED).count();
  }

  /** Waits until the instance has entered {@code elementId} {@code times} times (a loop's pass). */
  void awaitEntered(long processInstanceKey, String elementId, int times, Duration timeout) {
    await(() -> records().filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey
            && r.getValue().getElementId().equals(elementId)
            && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED).count() >= times,
        timeout, elementId + " of instance " + processInstanceKey + " to be entered " + times + " times");
  }

  /**
   * Waits until the instance's {@code times}-th subscription to {@code message} is open: a message
   * published with no time to live before then finds nobody and is dropped.
   */
  void awaitSubscribed(long processInstanceKey, String message, int times, Duration timeout) {
    await(() -> java.util.stream.StreamSupport.stream(
            BpmnAssert.getRecordStream().messageSubscriptionRecords().spliterator(), false)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey
            && r.getValue().getMessageName().equals(message)
            && r.getIntent() == io.camunda.zeebe.protocol.record.intent.MessageSubscriptionIntent.CREATED)
        .count() >= times, timeout, message + " subscription " + times + " of instance " + processInstanceKey);
  }

  /** The latest value (JSON) of a variable of the instance, or null. */
  String variable(long processInstanceKey, String name) {
    String value = null;
    for (var r : BpmnAssert.getRecordStream().variableRecords()) {
      if (r.getValue().getProcessInstanceKey() == processInstanceKey && r.getValue().getName().equals(name)) {
        value = r.getValue().getValue();
      }
    }
    return value;
  }

  /** Waits until the instance has an incident (a job failed for good). */
  void awaitIncident(long processInstanceKey, Duration timeout) {
    await(() -> java.util.stream.StreamSupport.stream(
            BpmnAssert.getRecordStream().incidentRecords().spliterator(), false)
        .anyMatch(r -> r.getValue().getProcessInstanceKey() == processInstanceKey),
        timeout, "an incident on instance " + processInstanceKey);
  }

  /** The version of the process definition an instance runs. */
  int processVersion(long processInstanceKey) {
    return records().filter(r -> r.getKey() == processInstanceKey
            && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
        .findFirst().orElseThrow(() -> new AssertionError("no instance " + processInstanceKey))
        .getValue().getVersion();
  }

  /** Process instances of {@code processId} created so far. */
  long instancesOf(String processId) {
    return records().filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
        && r.getValue().getBpmnProcessId().equals(processId)
        && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED).count();
  }

  boolean completed(long key) {
    return records().anyMatch(r -> r.getKey() == key
        && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
        && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  private java.util.stream.Stream<Record<ProcessInstanceRecordValue>> records() {
    return java.util.stream.StreamSupport.stream(
        BpmnAssert.getRecordStream().processInstanceRecords().spliterator(), false);
  }

  static void await(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  @Override
  public void close() {
    client.close();
    engine.stop();
  }
}
