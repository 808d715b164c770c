/**
 * Newick tree text: a streaming splitter that cuts a file into one text per tree, a parser that
 * turns one text into a compact {@link dev.promoter.consensus.newick.PhyloTree}, and a writer.
 * Malformed input raises {@link dev.promoter.consensus.newick.NewickFormatException} carrying the
 * 1-based line and column of the offending character.
 */
package dev.promoter.consensus.newick;
