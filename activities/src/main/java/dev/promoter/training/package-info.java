/**
 * Training rRNA type classifiers: the dataset folder ({@link dev.promoter.training.RrnaDataset},
 * labels from {@code class=} headers), the knobs ({@link dev.promoter.training.TrainerConfig}) and
 * the trainer ({@link dev.promoter.training.RrnaTrainer}) that turns k-mer frequency vectors into a
 * Tribuo {@code Model<Label>} with fixed seeds and provenance marshalled to JSON for the registry.
 */
package dev.promoter.training;
