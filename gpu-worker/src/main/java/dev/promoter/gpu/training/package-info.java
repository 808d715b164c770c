/**
 * Training the CNN: a plain epoch loop over one-hot batches (Adam, a per-epoch decaying learning
 * rate, early stopping on validation loss, fixed seeds) that checkpoints after every epoch and can
 * resume from a checkpoint, so a long activity survives a lost worker.
 */
package dev.promoter.gpu.training;
