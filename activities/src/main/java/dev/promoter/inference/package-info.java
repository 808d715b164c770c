/**
 * Serving a trained model: {@link dev.promoter.inference.SequenceClassifier} loads a bundle once
 * and answers many concurrent calls with a {@link dev.promoter.inference.Prediction} per sequence.
 * A logistic regression is compiled into k-mer-keyed tables ({@code CompiledLinearModel}), which a
 * model directory keeps beside its files as {@code model.compiled} ({@code CompiledModelFile}).
 * A batch caller that prints only label and confidence ({@code promoter classify}) asks such a
 * model for {@link dev.promoter.inference.CompiledLabels}, which reads a
 * {@link dev.promoter.sequence.SequenceBatch}'s bytes in place and builds no {@code Prediction}.
 */
package dev.promoter.inference;
