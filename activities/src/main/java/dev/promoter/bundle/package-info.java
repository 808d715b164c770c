/**
 * Model files: a trained classifier as a directory ({@code model.tribuo} + {@code metadata.json})
 * that {@code promoter classify} loads, and as a deterministic single-file zip for the
 * content-addressed artifact store ({@link dev.promoter.bundle.ModelBundle}). Anything unreadable
 * is a {@link dev.promoter.bundle.ModelFormatException} naming the file.
 */
package dev.promoter.bundle;
