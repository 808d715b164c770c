/**
 * Model-ensemble consensus: several classifiers' class-probability maps combined by a weighted
 * soft vote into one prediction. Kept apart from tree consensus because it shares nothing with
 * it but the word.
 */
package dev.promoter.consensus.ensemble;
