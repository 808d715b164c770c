/**
 * Held-out evaluation of any sequence classifier: accuracy, macro-F1, per-class precision, recall
 * and F1, and the confusion matrix ({@link dev.promoter.evaluation.EvaluationReport}), computed by
 * {@link dev.promoter.evaluation.Evaluator}, which also refuses a test set that shares a sequence
 * with the training set.
 */
package dev.promoter.evaluation;
