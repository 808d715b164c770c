package dev.promoter.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.consensus.newick.NewickFormatException;
import dev.promoter.consensus.newick.NewickParser;
import dev.promoter.consensus.newick.NewickReader;
import dev.promoter.sequence.FastaFormatException;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.workflows.retrain.CronSchedule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any input to a reader is either a value or our own bad-input error (which the front doors
 * turn into exit 2 / HTTP 400 with its message), never another exception: FASTA (plain and
 * gzip, arbitrary bytes and FASTA-like text), Newick (arbitrary and Newick-like text) and cron.
 */
class ReaderProperties {

  @Property(tries = 400)
  void fastaIsRecordsOrAFastaError(@ForAll("fastaLike") String text, @ForAll boolean gzip) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      bytes = gzip(bytes);
    }
    readFasta(bytes);
  }

  @Property(tries = 300)
  void anyBytesAreRecordsOrAFastaError(@ForAll byte[] bytes) throws IOException {
    readFasta(bytes);
  }

  @Property(tries = 200)
  void truncatedGzipIsAFastaErrorOrAnIoError(@ForAll("fastaLike") String text, @ForAll("fraction") double cut)
      throws IOException {
    byte[] whole = gzip(text.getBytes(StandardCharsets.UTF_8));
    byte[] cutOff = java.util.Arrays.copyOf(whole, (int) (whole.length * cut));
    try {
      readFasta(cutOff);
    } catch (java.io.UncheckedIOException e) {
      assertThat(e.getCause()).isInstanceOf(IOException.class); // a truncated stream: named, not a crash
    }
  }

  @Property(tries = 500)
  void newickIsTreesOrANewickError(@ForAll("newickLike") String text) {
    try {
      NewickReader.readAll(text).forEach(tree -> assertThat(tree).isNotNull());
    } catch (NewickFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    try {
      assertThat(NewickParser.parse(text)).isNotNull();
    } catch (NewickFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 300)
  void anyTextIsTreesOrANewickError(@ForAll String text) {
    try {
      NewickReader.readAll(text);
    } catch (NewickFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 600)
  void cronIsAScheduleOrANamedError(@ForAll("cronLike") String expression) {
    CronSchedule schedule;
    try {
      schedule = CronSchedule.parse(expression);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    try {
      Instant next = schedule.next(Instant.parse("2026-11-29T00:00:00Z"));
      assertThat(next).isAfter(Instant.parse("2026-11-29T00:00:00Z"));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("never fires");
    }
  }

  private static void readFasta(byte[] bytes) throws IOException {
    try (FastaReader reader = FastaReader.of(new ByteArrayInputStream(bytes), "property")) {
      List<FastaRecord> records = reader.stream().toList();
      records.forEach(r -> assertThat(r.sequence()).isNotNull());
    } catch (FastaFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Provide
  Arbitrary<String> fastaLike() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ACGTUNacgtun-*.RYKM").ofMaxLength(80),
        Arbitraries.strings().withChars("ACGT").ofMaxLength(80).map(s -> ">" + s),
        Arbitraries.strings().ofMaxLength(40).map(s -> ">" + s + " class=16S"),
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.of("", ">", ">>", ";comment", "\r", " ", "\t"));
    return line.list().ofMaxSize(12).map(lines -> String.join("\n", lines));
  }

  @Provide
  Arbitrary<String> newickLike() {
    return Arbitraries.strings().withChars("(),:;ABCab0123.-_'[] \n").ofMaxLength(60);
  }

  @Provide
  Arbitrary<String> cronLike() {
    Arbitrary<String> field = Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789*/,-").ofMinLength(1).ofMaxLength(6),
        Arbitraries.of("*", "0", "59", "60", "24", "31", "32", "12", "13", "7", "*/0", "5-1", "1-5", "MON", "SUN", "?", "L"));
    return field.list().ofMinSize(0).ofMaxSize(7).map(fields -> String.join(" ", fields));
  }

  @Provide
  Arbitrary<Double> fraction() {
    return Arbitraries.doubles().between(0.0, 0.99);
  }
}
