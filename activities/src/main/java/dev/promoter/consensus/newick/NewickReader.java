package dev.promoter.consensus.newick;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Convenience entry points for reading every tree of a small file or string. */
public final class NewickReader {

  private NewickReader() {}

  /** @return every tree in {@code text}, in order */
  public static List<PhyloTree> readAll(String text) {
    return readAll(new StringReader(text));
  }

  /** @return every tree in the file, in order */
  public static List<PhyloTree> readAll(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readAll(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return every tree from the reader, in order; the caller closes the reader */
  public static List<PhyloTree> readAll(Reader reader) {
    List<PhyloTree> out = new ArrayList<>();
    NewickParser parser = new NewickParser();
    NewickTreeSplitter split = new NewickTreeSplitter(reader);
    while (split.hasNext()) {
      out.add(parser.parse(split.next()));
    }
    return out;
  }
}
