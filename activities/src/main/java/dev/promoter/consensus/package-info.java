/**
 * Phylogenetic multi-tree consensus and tree distances. Trees are read as streams of Newick,
 * every internal edge becomes a bipartition (a bitset over a shared, sorted taxon index, stored
 * as the side without taxon 0), bipartitions are counted in a hash table keyed by an XOR of
 * random per-taxon keys, and strict, majority-rule, extended-majority and weighted consensus
 * trees, conflict reports and Robinson-Foulds distances are built from those counts.
 * {@link dev.promoter.consensus.TreeConsensus} is the entry point.
 */
package dev.promoter.consensus;
