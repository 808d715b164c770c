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

  private TreeText cut() {
    char[] cur = new char[256];
    int len = 0;
    int startLine = line;
    int startColumn = column;
    boolean quote = false;
    boolean comment = false;
    boolean content = false; // anything but whitespace and comments seen
    int openLine = 0;
    int openColumn = 0;
    int c;
    while ((c = read()) >= 0) {
      int cl = line;
      int cc = column;
      advance((char) c);
      if (!quote && !comment && c == ';') {
        ordinal++;
        return new TreeText(Arrays.copyOf(cur, len), len, startLine, startColumn, ordinal - 1);
      }
      if (len == cur.length) {
        cur = Arrays.copyOf(cur, len * 2);
      }
      cur[len++] = (char) c;
      if (quote) {
        quote = c != '\''; // a doubled '' closes and reopens, which is equivalent
      } else if (comment) {
        comment = c != ']';
      } else if (c == '\'' || c == '[') {
        quote = c == '\'';
        comment = c == '[';
        openLine = cl;
        openColumn = cc;
        content |= quote;
      } else if (!Character.isWhitespace(c)) {
        content = true;
      }
    }
    if (quote || comment) {
      throw new NewickFormatException(
          (quote ? "unterminated quoted label" : "unterminated [comment]") + " (tree " + (ordinal + 1) + ")",
          openLine, openColumn);
    }
    if (content) {
      throw new NewickFormatException("missing ';' at end of input (tree " + (ordinal + 1) + ")", line, column);
    }
    return null;
  }

  private void advance(char c) {
    if (c == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
  }

  private int read() {
    if (bufPos == bufLen) {
      if (eof) {
        return -1;
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
        return -1;
      }
    }
    return buf[bufPos++];
  }
}
