package dev.promoter.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a load balancer in front of serving replicas does, reduced to the part a drill needs:
 * each request goes to the next live replica in turn, on a new loopback connection
 * ({@code Connection: close}), so the two ways a dead replica fails are told apart exactly:
 * <ul>
 *   <li>the connection is refused: the request never reached a process, so the balancer marks
 *       the replica down and sends the same request to another one (what "traffic continues on
 *       the others" means behind a balancer);
 *   <li>the connection breaks after the request went out (no status line came back): the
 *       request was in flight in the replica when it died. A balancer cannot know whether a
 *       POST it sent was acted on, so it does not replay it: it is counted as failed in flight.
 * </ul>
 * Every answer's status is counted per replica, so a 5xx from a live replica shows.
 */
final class ReplicaBalancer implements AutoCloseable {
  private static final Pattern ROUTE = Pattern.compile("\"route\":\"([a-z]+)\"");
  private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]+)\"");

  /** A request that broke in a replica after it was sent. */
  record InFlightFailure(int port, long sentNanos, long failedNanos, String why) {}

  private final List<Integer> ports;
  private final Map<Integer, Boolean> down = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> routes = new ConcurrentHashMap<>();
  private final Map<Integer, List<String>> answeredIds = new ConcurrentHashMap<>();
  private final List<InFlightFailure> inFlight = new CopyOnWriteArrayList<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong refusedAndRetried = new AtomicLong();
  private final AtomicInteger next = new AtomicInteger();
  private final List<Thread> clients = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  private ReplicaBalancer(List<Integer> ports) {
    this.ports = List.copyOf(ports);
    for (int port : ports) {
      answeredIds.put(port, new CopyOnWriteArrayList<>());
    }
  }

  /**
   * Starts {@code clients} threads that each send one request after another until closed.
   *
   * @param body the JSON body of request number n
   * @param key the routing key of request number n (spread like many callers)
   */
  static ReplicaBalancer start(List<Integer> ports, int clients, String path, String token,
      IntFunction<String> body, IntFunction<String> key) {
    ReplicaBalancer balancer = new ReplicaBalancer(ports);
    AtomicInteger numbers = new AtomicInteger();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        while (balancer.running) {
          int n = numbers.getAndIncrement();
          balancer.send(path, token, body.apply(n), key.apply(n));
        }
      }, "balancer-client-" + c);
      t.setDaemon(true);
      balancer.clients.add(t);
      t.start();
    }
    return balancer;
  }

  private void send(String path, String token, String json, String key) {
    sent.incrementAndGet();
    for (int tries = 0; tries < ports.size(); tries++) {
      Integer port = pick();
      if (port == null) {
        statuses.computeIfAbsent("no replica", k -> new AtomicLong()).incrementAndGet();
        return;
      }
      long sentAt = System.nanoTime();
      try (Socket socket = new Socket()) {
        try {
          socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        } catch (ConnectException refused) {
          down.put(port, true);
          refusedAndRetried.incrementAndGet();
          continue;
        }
        socket.setSoTimeout(120_000);
        Answer answer = exchange(socket, port, path, token, json, key);
        statuses.computeIfAbsent(port + " " + answer.status, k -> new AtomicLong()).incrementAndGet();
        if (answer.status == 200) {
          Matcher route = ROUTE.matcher(answer.body);
          routes.computeIfAbsent(route.find() ? route.group(1) : "?", k -> new AtomicLong()).incrementAndGet();
          Matcher id = REQUEST_ID.matcher(answer.body);
          if (id.find()) {
            answeredIds.get(port).add(id.group(1));
          }
        }
        return;
      } catch (IOException broken) {
        down.put(port, true);
        inFlight.add(new InFlightFailure(port, sentAt, System.nanoTime(), String.valueOf(broken)));
        return;
      }
    }
    statuses.computeIfAbsent("no replica", k -> new AtomicLong()).incrementAndGet();
  }

  // the next replica in turn that is not down; every replica is looked at once from where this
  // call's turn starts (other clients move the shared turn meanwhile)
  private Integer pick() {
    int start = next.getAndIncrement();
    for (int i = 0; i < ports.size(); i++) {
      int port = ports.get(Math.floorMod(start + i, ports.size()));
      if (!down.containsKey(port)) {
        return port;
      }
    }
    return null;
  }

  private record Answer(int status, String body) {}

  private static Answer exchange(Socket socket, int port, String path, String token, String json, String key)
      throws IOException {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
        + "Authorization: Bearer " + token + "\r\nX-Request-Key: " + key + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(payload);
    out.flush();
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all); // Connection: close: the answer ends where the stream does
    String response = all.toString(StandardCharsets.UTF_8);
    if (!response.startsWith("HTTP/1.1 ") || response.length() < 12) {
      throw new IOException("the connection closed before a status line (" + response.length() + " bytes)");
    }
    int status = Integer.parseInt(response.substring(9, 12));
    int split = response.indexOf("\r\n\r\n");
    if (split < 0) {
      throw new IOException("the connection closed inside the headers");
    }
    String headers = response.substring(0, split).toLowerCase(java.util.Locale.ROOT);
    String body = response.substring(split + 4);
    return new Answer(status, headers.contains("transfer-encoding: chunked") ? dechunk(body) : body);
  }

  // enough of chunked transfer coding for a JSON answer; a cut-off body is a broken exchange
  private static String dechunk(String body) throws IOException {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int eol = body.indexOf("\r\n", at);
      if (eol < 0) {
        throw new IOException("the connection closed inside a chunked body");
      }
      int size = Integer.parseInt(body.substring(at, eol).split(";")[0].strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      // sizes count bytes; the answers here are ASCII JSON, so bytes and chars agree
      if (eol + 2 + size > body.length()) {
        throw new IOException("the connection closed inside a chunk");
      }
      out.append(body, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
  }

  /** Requests the clients started. */
  long sent() {
    return sent.get();
  }

  /** Answers by replica port and status, e.g. {@code "8321 200" -> 412}. */
  Map<String, Long> statuses() {
    return snapshot(statuses);
  }

  /** Answered requests by route ({@code primary}, {@code canary}, ...). */
  Map<String, Long> routes() {
    return snapshot(routes);
  }

  long answered(String route) {
    AtomicLong n = routes.get(route);
    return n == null ? 0 : n.get();
  }

  /** Answers from {@code port}, as counted so far. */
  long answeredBy(int port) {
    return answeredIds.get(port).size();
  }

  /** The request ids {@code port} answered. */
  List<String> requestIdsAnsweredBy(int port) {
    return List.copyOf(answeredIds.get(port));
  }

  List<InFlightFailure> inFlightFailures() {
    return List.copyOf(inFlight);
  }

  /** Requests whose connection was refused by a dead replica and that another one answered. */
  long refusedAndRetried() {
    return refusedAndRetried.get();
  }

  private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
    Map<String, Long> copy = new java.util.TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  /** Stops the clients after their current request. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : clients) {
      t.join(130_000);
    }
  }
}
