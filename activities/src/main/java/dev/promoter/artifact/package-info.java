/**
 * Content-addressed storage of model artifacts. A file is stored under its SHA-256
 * ({@code sha256/ab/cd/abcd...}), written atomically and verified whenever it is read, so a
 * registry row and the bytes it names can never silently disagree.
 */
package dev.promoter.artifact;
