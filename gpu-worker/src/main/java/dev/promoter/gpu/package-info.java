/**
 * The GPU worker pool: DJL (PyTorch) CNN training and inference activities, polled from the
 * {@code gpu} task queue. The same code runs on the CPU when no GPU is present: which device is
 * used is decided by DJL's engine and the {@link dev.promoter.gpu.Devices} setting, never by code.
 * {@link dev.promoter.gpu.GpuWorker} starts a worker for the queue.
 */
package dev.promoter.gpu;
