package dev.promoter.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body {@link PredictDoor} already read, handed to the general chain with the same
 * bytes: a body the door cannot parse gets the general chain's own answer, word for word.
 */
final class ReplayedBody extends HttpServletRequestWrapper {
  private final byte[] body;

  ReplayedBody(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body was read already; it replays synchronously");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String charset = getCharacterEncoding();
    return new BufferedReader(new InputStreamReader(getInputStream(),
        charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset)));
  }
}
