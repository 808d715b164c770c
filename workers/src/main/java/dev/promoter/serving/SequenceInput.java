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
        throw new Refused(name + ": invalid nucleotide '>' (allowed: IUPAC ACGTURYSWKMBDHVN, gaps - .)");
      }
      FastaRecord one = normalised(name, raw);
      records.add(requireLength(one != null ? one : readString(name, raw), name, maxLength));
    }
    return records;
  }

  /**
   * Stored form of each character as the FASTA reader stores it in a sequence line: the upper-case
   * base ({@code U} as {@code T}), {@link #SKIP} for whitespace, gaps and line breaks, 0 where the
   * reader refuses it. Must say what {@code FastaReader} says; {@code SequenceInputTest} compares
   * the two on every character and on generated strings.
   */
  private static final byte[] STORED = new byte[128];
  private static final byte SKIP = 1;

  static {
    for (char c : "ACGTRYSWKMBDHVN".toCharArray()) {
      STORED[c] = (byte) c;
      STORED[Character.toLowerCase(c)] = (byte) c;
    }
    STORED['U'] = 'T';
    STORED['u'] = 'T';
    for (char c : " \t\r\f\u000b-.\n".toCharArray()) {
      STORED[c] = SKIP;
    }
  }

  /**
   * The record the FASTA reader would make of {@code >name} and {@code raw}, without a reader: the
   * reader allocates 70 KB of buffers per call, which made it the largest allocation of a predict
   * request. Null when {@code raw} holds anything the reader refuses or no base at all: the caller
   * then reads it with the reader, which refuses it with the CLI's message.
   */
  static FastaRecord normalised(String name, String raw) {
    // most requests send bases already in stored form (upper case, no U, no gaps): then the
    // string itself is the record's sequence, and checking it allocates nothing
    int i = 0;
    int length = raw.length();
    while (i < length) {
      char c = raw.charAt(i);
      if (c >= 128 || c == 0 || STORED[c] != c) {
        break;
      }
      i++;
    }
    if (i == length) {
      return length == 0 ? null : new FastaRecord(name, "", raw);
    }
    byte[] stored = new byte[length];
    for (int j = 0; j < i; j++) {
      stored[j] = (byte) raw.charAt(j); // the prefix already in stored form
    }
    int n = i;
    for (; i < length; i++) {
      char c = raw.charAt(i);
      byte b = c < 128 ? STORED[c] : 0;
      if (b == 0) {
        return null;
      }
      if (b != SKIP) {
        stored[n++] = b;
      }
    }
    return n == 0 ? null : new FastaRecord(name, "", new String(stored, 0, n, StandardCharsets.ISO_8859_1));
  }

  /**
   * {@code >name} and {@code raw} read by the FASTA reader, as {@code promoter classify} would. A
   * refusal keeps the reader's reason and column, but names the JSON field rather than a line of
   * the FASTA text made up for it: {@code sequence: invalid nucleotide 'E' at column 5 ...}, and
   * {@code sequence: line 2: ...} for a string holding line breaks.
   */
  static FastaRecord readString(String name, String raw) {
    try (FastaReader reader = FastaReader.of(
        new ByteArrayInputStream((">" + name + "\n" + raw + "\n").getBytes(StandardCharsets.UTF_8)), name)) {
      return reader.next();
    } catch (FastaFormatException e) {
      String reason = e.getMessage().substring((e.source() + ":" + e.line() + ": ").length());
      if (reason.equals("record '" + name + "' has no sequence")) {
        throw new Refused(name + ": no bases (an empty string, or gaps and whitespace only)");
      }
      boolean lines = raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0;
      throw new Refused(name + ": " + (lines ? "line " + (e.line() - 1) + ": " : "") + reason);
    } catch (IOException | UncheckedIOException e) {
      throw new Refused(name + ": unreadable: " + e.getMessage());
    }
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
