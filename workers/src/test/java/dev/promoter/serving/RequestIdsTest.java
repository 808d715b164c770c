package dev.promoter.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void idsAreVersion8UuidsThatKeepTheirPrefixAndCount() {
    RequestIds ids = new RequestIds(0x0123_4567_89ab_cdefL);
    String first = ids.next();
    UUID parsed = UUID.fromString(first);
    assertEquals(8, parsed.version());
    assertEquals(2, parsed.variant());
    assertEquals(first, parsed.toString()); // canonical: lower case, 36 characters
    // the 58 low bits of the random prefix around the version nibble, then the counter from 0
    assertEquals("12345678-9abc-8def-8000-000000000000", first);
    assertEquals("12345678-9abc-8def-8000-000000000001", ids.next());
  }

  @Test
  void idsAscendInTextOrderAcrossDigitCarries() {
    RequestIds ids = new RequestIds(42);
    String previous = ids.next();
    for (int i = 1; i < 70_000; i++) { // past 0xffff: a carry into the fifth counter digit
      String next = ids.next();
      assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
      previous = next;
    }
  }

  @Test
  void concurrentRequestsNeverShareAnId() throws InterruptedException {
    RequestIds ids = new RequestIds();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    int threads = 8;
    int each = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(Thread.ofPlatform().start(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        for (int i = 0; i < each; i++) {
          seen.add(ids.next());
        }
      }));
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertEquals(threads * each, seen.size());
  }

  @Test
  void twoProcessesDrawDifferentPrefixes() {
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      prefixes.add(new RequestIds().next().substring(0, 18));
    }
    assertEquals(100, prefixes.size());
    assertNotEquals(new RequestIds(1).next(), new RequestIds(2).next());
  }
}
