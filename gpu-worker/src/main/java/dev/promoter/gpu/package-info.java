/**
 * The GPU worker pool: DJL (PyTorch) CNN training and inference activities, polled from the
 * {@code gpu} task queue. Filled in by the GPU issue; empty until then.
 */
package dev.promoter.gpu;
