/**
 * One training experiment end to end: load a dataset folder, check that test and training sets
 * are disjoint, train, evaluate on full-length held-out records and on read-like fragments of
 * them, and package the model with its metrics ({@link dev.promoter.experiment.TrainingRun}).
 */
package dev.promoter.experiment;
