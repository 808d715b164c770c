/**
 * Serving the CNN: a DJL {@code Predictor} with a translator from sequence batches to class
 * probabilities, loaded once per model version from its archive.
 */
package dev.promoter.gpu.inference;
