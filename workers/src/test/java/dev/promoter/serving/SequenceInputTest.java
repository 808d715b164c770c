package dev.promoter.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The predict API's reader-free path for JSON sequences answers exactly what the FASTA reader
 * does (same record, or the reader's refusal), so predictions and messages are unchanged: on
 * every character below U+0300, on generated strings, and on every record of data/rrna.
 */
class SequenceInputTest {

  /** The fast path's record, or (when it declines) the reader's record or message. */
  private static Object viaFastPath(String raw) {
    FastaRecord fast = SequenceInput.normalised("sequence", raw);
    return fast != null ? fast : viaReader(raw);
  }

  private static Object viaReader(String raw) {
    try {
      return SequenceInput.readString("sequence", raw);
    } catch (SequenceInput.Refused e) {
      return e.getMessage();
    }
  }

  @Test
  void everyCharacterIsReadAsTheReaderReadsIt() {
    for (char c = 0; c < 0x300; c++) {
      if (c == '>') {
        continue; // refused before either path, with its own message
      }
      for (String raw : List.of(String.valueOf(c), "AC" + c + "GT", c + "\nacgu")) {
        assertThat(viaFastPath(raw)).as("U+%04X in %s", (int) c, raw).isEqualTo(viaReader(raw));
      }
    }
  }

  @Provide
  Arbitrary<String> sequences() {
    return Arbitraries.strings().withChars("ACGTUacgtuNnRYKMrykm -.\t\r\n\u000bXE*\u00e9\u4e00").ofMaxLength(60);
  }

  @Property(tries = 3000)
  void generatedStringsAreReadAsTheReaderReadsThem(@ForAll("sequences") String raw) {
    assertThat(viaFastPath(raw)).isEqualTo(viaReader(raw));
  }

  @Test
  void realRecordsKeepTheirSequenceAndMessagesStayTheCli() throws Exception {
    List<String> raw = new ArrayList<>();
    for (String file : List.of("train.fasta.gz", "test.fasta.gz")) {
      try (FastaReader reader = FastaReader.open(Path.of("../data/rrna").resolve(file))) {
        reader.forEachRemaining(r -> raw.add(r.sequence().toLowerCase().replace('t', 'u')));
      }
    }
    assertThat(raw).hasSizeGreaterThan(5000);
    List<FastaRecord> read = SequenceInput.ofStrings(raw, false, raw.size(), 50_000);
    for (int i = 0; i < raw.size(); i++) {
      assertThat(read.get(i)).isEqualTo(SequenceInput.readString("sequences[" + i + "]", raw.get(i)));
    }
    assertThatThrownBy(() -> SequenceInput.ofStrings(List.of("ACGTE"), true, 10, 100))
        .hasMessage("sequence: invalid nucleotide 'E' at column 5 (allowed: IUPAC ACGTURYSWKMBDHVN, gaps - .)");
    // a JSON string has no FASTA header line: lines are counted within the string, and only when it has several
    assertThatThrownBy(() -> SequenceInput.ofStrings(List.of("ACGT\nAE"), true, 10, 100))
        .hasMessage("sequence: line 2: invalid nucleotide 'E' at column 2 (allowed: IUPAC ACGTURYSWKMBDHVN, gaps - .)");
    assertThatThrownBy(() -> SequenceInput.ofStrings(List.of("ACGT", "A>C"), false, 10, 100))
        .hasMessage("sequences[1]: invalid nucleotide '>' (allowed: IUPAC ACGTURYSWKMBDHVN, gaps - .)");
    assertThatThrownBy(() -> SequenceInput.ofStrings(List.of("ACGT", "--"), false, 10, 100))
        .hasMessageStartingWith("sequences[1]: ");
  }
}
