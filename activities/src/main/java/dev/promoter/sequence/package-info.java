/**
 * Nucleotide sequences as the rest of Promoter sees them: a strict, streaming, gzip-aware FASTA
 * reader ({@link dev.promoter.sequence.FastaReader}), the record it yields
 * ({@link dev.promoter.sequence.FastaRecord}), the {@code key=value} labels of the project's
 * dataset headers ({@link dev.promoter.sequence.HeaderAttributes}) and a seeded generator of
 * read-like windows ({@link dev.promoter.sequence.FragmentSampler}); batches of a reader's records
 * parsed on a thread of their own, ahead of the consumer ({@link dev.promoter.sequence.PrefetchedBatches}),
 * as lists of records or as {@link dev.promoter.sequence.SequenceBatch}es: the bases of many records
 * in one reusable byte array, for a consumer that needs no {@code String} per sequence.
 *
 * <p>Sequences leave this package normalised: upper case, {@code U} read as {@code T}, gaps and
 * whitespace removed, only IUPAC nucleotide codes. Downstream code (k-mer featurization) can
 * therefore rely on a plain ASCII alphabet of {@code ACGTRYSWKMBDHVN}.
 */
package dev.promoter.sequence;
