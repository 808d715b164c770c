package dev.promoter.consensus.ensemble;

import java.util.SortedMap;

/**
 * The ensemble's answer.
 *
 * @param label the class with the highest combined probability (ties: smallest label)
 * @param probabilities combined probability per class, ordered by label
 */
public record EnsemblePrediction(String label, SortedMap<String, Double> probabilities) {}
