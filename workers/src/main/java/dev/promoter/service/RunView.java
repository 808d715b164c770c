package dev.promoter.service;

import dev.promoter.registry.RunSummary;
import dev.promoter.workflows.lifecycle.LifecycleProgress;

/**
 * One run: what the registry recorded, and, while its workflow is open, where it stands.
 *
 * @param run the registry's row: status, model, submitter, times, result
 * @param progress step, candidates with state, queue and metrics, version, verdict; null once
 *     the workflow has closed or when the engine no longer knows it
 */
public record RunView(RunSummary run, LifecycleProgress progress) {}
