package dev.promoter.serving;

import dev.promoter.sequence.FastaFormatException;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Request sequences checked by the same reader as {@code promoter classify}, so that a bad one is
 * refused with the CLI's message: IUPAC nucleotides in either case, {@code U} read as {@code T},
 * gaps and whitespace skipped, anything else refused with its column.
 */
public final class SequenceInput {
  private SequenceInput() {}

  /** A refused request: the message is the one the CLI prints for the same input. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Sequences given as JSON strings; each is named {@code sequences[i]} (or {@code sequence}
   * alone) in messages.
   *
   * @return the records, ids as named, sequences normalised as the CLI stores them
   */
  public static List<FastaRecord> ofStrings(List<String> sequences, boolean single, int maxBatch, int maxLength) {
    requireCount(sequences.size(), maxBatch);
    List<FastaRecord> records = new ArrayList<>(sequences.size());
    for (int i = 0; i < sequences.size(); i++) {
      String name = single ? "sequence" : "sequences[" + i + "]";
      String raw = sequences.get(i);
      if (raw == null) {
        throw new Refused(name + " is null");
      }
      if (raw.indexOf('>') >= 0) {
        throw new Refused(name + ":1: invalid nucleotide '>' (allowed: IUPAC ACGTURYSWKMBDHVN, gaps - .)");
      }
      List<FastaRecord> one = read(new ByteArrayInputStream((">" + name + "\n" + raw + "\n")
          .getBytes(StandardCharsets.UTF_8)), name);
      records.add(requireLength(one.getFirst(), name, maxLength));
    }
    return records;
  }

  /** A FASTA body, read exactly as {@code promoter classify --fasta} reads a file. */
  public static List<FastaRecord> ofFasta(byte[] body, int maxBatch, int maxLength) {
    List<FastaRecord> records = read(new ByteArrayInputStream(body), "request body");
    if (records.isEmpty()) {
      throw new Refused(new FastaFormatException("request body", 1, "no FASTA records").getMessage());
    }
    requireCount(records.size(), maxBatch);
    records.forEach(r -> requireLength(r, "record '" + r.id() + "'", maxLength));
    return records;
  }

  private static List<FastaRecord> read(InputStream in, String source) {
    try (FastaReader reader = FastaReader.of(in, source)) {
      List<FastaRecord> out = new ArrayList<>();
      reader.forEachRemaining(out::add);
      return out;
    } catch (FastaFormatException e) {
      throw new Refused(e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw new Refused(source + ": unreadable: " + e.getMessage());
    }
  }

  private static void requireCount(int n, int maxBatch) {
    if (n == 0) {
      throw new Refused("no sequences: send {\"sequence\": \"...\"}, {\"sequences\": [...]} or a FASTA body");
    }
    if (n > maxBatch) {
      throw new Refused("a request holds at most " + maxBatch + " sequences; this one holds " + n);
    }
  }

  private static FastaRecord requireLength(FastaRecord r, String name, int maxLength) {
    if (r.length() > maxLength) {
      throw new Refused(name + " is " + r.length() + " bases long; at most " + maxLength + " are served");
    }
    return r;
  }
}
