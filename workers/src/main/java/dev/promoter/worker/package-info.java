/**
 * The worker pools: the CPU pool (every workflow, registry, evaluation and k-mer training
 * activity) and the GPU pool (DJL training), each polling its own task queue. Dev mode starts
 * both in-process; production runs them as separate processes ({@code promoter worker --pool}).
 */
package dev.promoter.worker;
