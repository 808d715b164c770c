/**
 * Numeric features of nucleotide sequences for the classifiers: k-mer frequency vectors
 * ({@link dev.promoter.features.KmerFeaturizer}), the hot path of both training and inference.
 */
package dev.promoter.features;
