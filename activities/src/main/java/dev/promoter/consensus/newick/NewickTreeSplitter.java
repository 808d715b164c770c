package dev.promoter.consensus.newick;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Cuts a stream of Newick text into one {@link TreeText} per tree, at each ';' that is outside
 * quotes and [comments]. It does not parse, so it is cheap and lets parsing run on other threads
 * while positions stay exact. Trees may span lines; several trees may share one line.
 */
public final class NewickTreeSplitter implements Iterator<TreeText> {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int bufLen;
  private int bufPos;
  private boolean eof;
  private int line = 1;
  private int column = 1;
  private int ordinal;
  private TreeText next;

  /** @param in the source; the caller closes it */
  public NewickTreeSplitter(Reader in) {
    this.in = in;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = cut();
    }
    return next != null;
  }

  @Override
  public TreeText next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    TreeText t = next;
    next = null;
    return t;
  }

  // One tight loop per buffer: the reading thread feeds every parser, so it must not be the
  // bottleneck. Line and column are kept only for where each tree starts; a fault's exact
  // position is recomputed from there (TreeText.error).
  private TreeText cut() {
    char[] cur = new char[256];
    int len = 0;
    int startLine = line;
    int startColumn = column;
    boolean quote = false;
    boolean comment = false;
    boolean content = false; // anything but whitespace and comments seen
    int openAt = -1; // offset in cur of the last opening quote or '['
    boolean binary = false;
    while (bufPos < bufLen || fill()) {
      int from = bufPos;
      int i = from;
      boolean end = false;
      for (; i < bufLen; i++) {
        char c = buf[i];
        if (quote) {
          quote = c != '\''; // a doubled '' closes and reopens, which is equivalent
        } else if (comment) {
          comment = c != ']';
        } else if (c == ';') {
          end = true;
          break;
        } else if (c == '\'' || c == '[') {
          quote = c == '\'';
          comment = !quote;
          content |= quote;
          openAt = len + (i - from);
        } else if (c > ' ') {
          content = true;
        } else if (c == 0) {
          binary = true; // no text format has NUL bytes: say so rather than misparse a binary file
          break;
        }
      }
      int span = i - from;
      if (len + span > cur.length) {
        cur = Arrays.copyOf(cur, Math.max(cur.length * 2, len + span));
      }
      System.arraycopy(buf, from, cur, len, span);
      len += span;
      if (binary) {
        throw new TreeText(cur, len, startLine, startColumn, ordinal).error(
            "binary data (a NUL byte), not Newick text", len);
      }
      advance(from, end ? i + 1 : i);
      bufPos = end ? i + 1 : i;
      if (end) {
        return new TreeText(cur, len, startLine, startColumn, ordinal++);
      }
    }
    if (quote || comment) {
      throw new TreeText(cur, len, startLine, startColumn, ordinal).error(
          quote ? "unterminated quoted label" : "unterminated [comment]", openAt);
    }
    if (content) {
      throw new NewickFormatException("missing ';' at end of input (tree " + (ordinal + 1) + ")", line, column);
    }
    return null;
  }

  private void advance(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      bufLen = in.read(buf, 0, buf.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bufPos = 0;
    if (bufLen <= 0) {
      eof = true;
      bufLen = 0;
      return false;
    }
    return true;
  }
}
