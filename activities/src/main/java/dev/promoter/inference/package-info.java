/**
 * Serving a trained model: {@link dev.promoter.inference.SequenceClassifier} loads a bundle once
 * and answers many concurrent calls with a {@link dev.promoter.inference.Prediction} per sequence.
 */
package dev.promoter.inference;
