/**
 * The CNN itself: its architecture as data ({@link dev.promoter.gpu.model.CnnArchitecture}), the
 * metadata saved beside its parameters, and the model directory and its deterministic archive,
 * which is what the artifact store and the registry keep.
 */
package dev.promoter.gpu.model;
