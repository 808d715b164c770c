/** The engine adapter: deploys the processes, starts lifecycles, publishes decisions. */
package dev.promoter.bpmn.engine;
