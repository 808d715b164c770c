import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;

/**
 * The Tomcat floor: the servlet container ours runs in (the same tomcat-embed-core jar, NIO
 * connector, virtual request threads, 10,000 requests per keep-alive connection, as
 * {@code ./promoter server} sets them) answering each predict POST with a fixed answer of a
 * predict answer's size after reading its body, computing nothing else. Beside floor.c (no
 * container at all) it says how much of ours' CPU a request and tail is the container's, and so
 * what rate any model server on Tomcat could reach on this machine.
 *
 * <pre>java -cp tomcat-embed-core.jar:jakarta.annotation-api.jar bench/serving/TomcatFloor.java PORT</pre>
 */
public final class TomcatFloor {
  public static void main(String[] args) throws Exception {
    byte[] answer = ("{\"label\":\"16S\",\"confidence\":0.9981,\"probabilities\":{\"16S\":0.9981,\"18S\":0.0001,"
        + "\"23S\":0.0003,\"28S\":0.0001,\"5.8S\":0.0001,\"5S\":0.0001,\"mt-SSU\":0.0011,\"non-rRNA\":0.0001},"
        + "\"version\":1,\"route\":\"primary\",\"requestId\":\"0b6cd75f3a21-000000001234\"}")
        .getBytes(StandardCharsets.UTF_8);
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/tomcat-floor-" + ProcessHandle.current().pid());
    Connector connector = new Connector(Http11NioProtocol.class.getName());
    connector.setPort(Integer.parseInt(args[0]));
    Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
    protocol.setMaxKeepAliveRequests(10_000);
    protocol.setExecutor(new VirtualThreadExecutor("tomcat-handler-"));
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "floor", new HttpServlet() {
      @Override
      protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader("Authorization") == null) {
          response.setStatus(401);
          return;
        }
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
          while (in.read(buffer) >= 0) {
            // the body is read, as ours reads it, and dropped
          }
        }
        response.setContentType("application/json");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
      }
    });
    context.addServletMappingDecoded("/*", "floor");
    tomcat.start();
    tomcat.getServer().await();
  }
}
