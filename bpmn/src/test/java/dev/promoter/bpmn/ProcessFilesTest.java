package dev.promoter.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.bpmn.Processes.JobTypes;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The process files are what Camunda Modeler opens and what the engine runs: valid, with a
 * diagram shape for every element and an edge for every flow, semantic element ids, kebab-case
 * job types, and no job type the Java code does not serve (nor the other way round).
 */
class ProcessFilesTest {

  @Test
  void eachFileIsValidDrawnAndNamedByItsRules() throws Exception {
    Set<String> used = new HashSet<>();
    Set<String> processIds = new HashSet<>();
    for (String resource : Processes.RESOURCES) {
      BpmnModelInstance model;
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        model = Bpmn.readModelFromStream(in);
      }
      Bpmn.validateModel(model);
      model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
      Set<String> shaped = model.getModelElementsByType(BpmnShape.class).stream()
          .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
      Set<String> edged = model.getModelElementsByType(BpmnEdge.class).stream()
          .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(shaped).as(resource + ": shape of " + node.getId()).contains(node.getId());
        assertThat(node.getId()).as(resource).matches(
            "(start_event|end_event|service_task|gateway|sub_process|boundary_event|message_catch"
                + "|timer_catch|call_activity)_[a-z0-9_]+");
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        assertThat(edged).as(resource + ": edge of " + flow.getId()).contains(flow.getId());
      }
      model.getModelElementsByType(ZeebeTaskDefinition.class).forEach(t -> used.add(t.getType()));
    }
    assertThat(processIds).containsExactlyInAnyOrder(Processes.LIFECYCLE, Processes.ROLLBACK, Processes.RETRAIN);
    assertThat(used).allMatch(t -> t.matches("[a-z]+(-[a-z]+)*"));
    Set<String> declared = new HashSet<>();
    for (Field f : JobTypes.class.getFields()) {
      declared.add((String) f.get(null));
    }
    assertThat(used).isEqualTo(declared);
  }
}
