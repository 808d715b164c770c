package dev.promoter.gpu.training;

/** A training example: bases and the index of their class in the model's label order. */
record Example(String sequence, int label) {}
