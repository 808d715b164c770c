/**
 * The lifecycle on Camunda 8: process ids and job types ({@link dev.promoter.bpmn.Processes}),
 * the variables a lifecycle starts with, and the engine adapter that starts runs and publishes
 * approval decisions. The BPMN files are in {@code src/main/resources/bpmn}.
 */
package dev.promoter.bpmn;
