package dev.promoter.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly one version holds an alias at any instant, however many promotions and rollbacks race.
 * Checked after every completed promotion and, all along, by a watcher reading consistent
 * snapshots while the storm runs.
 */
class ConcurrentPromotionTest {
  private static final int PROMOTIONS = 60;
  private RegistryDatabase db;
  private ModelRegistry registry;

  @BeforeEach
  void open() {
    db = TestPostgres.freshDatabase();
    registry = new ModelRegistry(db.dataSource());
    for (int i = 1; i <= PROMOTIONS; i++) {
      registry.register(Versions.of("rrna", "k" + i));
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void concurrentPromotionsOfDifferentVersionsKeepOneHolder() throws Exception {
    AtomicInteger completed = new AtomicInteger();
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    AtomicBoolean storming = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(PROMOTIONS + 1);
    Future<Integer> watcher = pool.submit(() -> watch(storming, violations));
    List<Future<?>> promotions = new ArrayList<>();
    for (int i = 1; i <= PROMOTIONS; i++) {
      int version = i;
      promotions.add(pool.submit(() -> {
        start.await();
        registry.promote("rrna", version, "production", "bot-" + version, "race " + version);
        int done = completed.incrementAndGet();
        Snapshot s = snapshot();
        s.check(violations);
        if (s.promoteRows < done) {
          violations.add("after " + done + " promotions only " + s.promoteRows + " audit rows");
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : promotions) {
      f.get(120, TimeUnit.SECONDS);
    }
    storming.set(false);
    int watched = watcher.get(30, TimeUnit.SECONDS);
    pool.shutdown();

    assertThat(violations).isEmpty();
    assertThat(watched).as("snapshots taken while promotions raced").isGreaterThan(0);
    Snapshot end = snapshot();
    assertThat(end.promoteRows).isEqualTo(PROMOTIONS);
    assertThat(end.archived).isEqualTo(PROMOTIONS - 1);
    assertChained(registry.audit("rrna"));
  }

  @Test
  void promotionsRacingRollbacksStayConsistentWithTheAuditLog() throws Exception {
    registry.promote("rrna", 1, "production", "bob", "base");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(40);
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 2; i <= 41; i++) {
      int n = i;
      calls.add(pool.submit(() -> {
        start.await();
        try {
          if (n % 2 == 0) {
            registry.promote("rrna", n, "production", "bob", "promote " + n);
          } else {
            registry.rollback("rrna", "production", "carol", "rollback " + n);
          }
        } catch (RegistryException e) {
          // the only acceptable refusal: nothing earlier to roll back to at that moment
          if (!e.getMessage().contains("no earlier holder")) {
            unexpected.add(e);
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : calls) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(unexpected).isEmpty();
    List<AuditEntry> moves = registry.audit("rrna").stream()
        .filter(e -> e.action().equals("promote") || e.action().equals("rollback")).toList();
    assertChained(moves);
    assertThat(AliasHistory.replay(moves).current())
        .isEqualTo(registry.holder("rrna", "production").version());
    snapshot().check(unexpectedAsText(unexpected));
  }

  /**
   * Drill: 1,000 promotions and rollbacks of one alias from 50 threads, with a watcher checking
   * the one-holder invariant throughout, then the audit chain replayed to the final holder.
   */
  @Test
  void aThousandMovesFromFiftyThreadsKeepOneHolderAndAReplayableChain() throws Exception {
    registry.promote("rrna", 1, "production", "bob", "base");
    int threads = 50;
    int movesEach = 20;
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean storming = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    AtomicInteger moved = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    Future<Integer> watcher = pool.submit(() -> watch(storming, violations));
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      java.util.Random random = new java.util.Random(t);
      workers.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < movesEach; i++) {
          try {
            if (random.nextInt(3) > 0) {
              registry.promote("rrna", 1 + random.nextInt(PROMOTIONS), "production", "bot", "drill");
            } else {
              registry.rollback("rrna", "production", "bot", "drill");
            }
            moved.incrementAndGet();
          } catch (RegistryException e) {
            if (!e.getMessage().contains("no earlier holder")) {
              unexpected.add(e);
            }
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : workers) {
      f.get(300, TimeUnit.SECONDS);
    }
    storming.set(false);
    int watched = watcher.get(30, TimeUnit.SECONDS);
    pool.shutdown();

    assertThat(unexpected).isEmpty();
    assertThat(violations).isEmpty();
    assertThat(watched).isGreaterThan(0);
    assertThat(moved.get()).isGreaterThan(threads * movesEach / 2);
    List<AuditEntry> moves = registry.audit("rrna").stream()
        .filter(e -> e.action().equals("promote") || e.action().equals("rollback")).toList();
    assertChained(moves);
    assertThat(AliasHistory.replay(moves).current()).isEqualTo(registry.holder("rrna", "production").version());
    System.err.printf("drill: %d of %d moves applied (the rest found nothing earlier to roll back to),"
        + " %d audit moves, %d snapshots checked while they ran%n", moved.get(), threads * movesEach,
        moves.size(), watched);
  }

  private static ConcurrentLinkedQueue<String> unexpectedAsText(ConcurrentLinkedQueue<Throwable> q) {
    ConcurrentLinkedQueue<String> text = new ConcurrentLinkedQueue<>();
    q.forEach(t -> text.add(t.toString()));
    return text;
  }

  /** Every alias move starts from the holder the previous move left: proof they serialised. */
  private static void assertChained(List<AuditEntry> log) {
    Integer holder = null;
    for (AuditEntry e : log) {
      if (!e.action().equals("promote") && !e.action().equals("rollback")) {
        continue;
      }
      assertThat(e.fromVersion()).as("audit row %d", e.id()).isEqualTo(holder);
      holder = e.version();
    }
  }

  private int watch(AtomicBoolean storming, ConcurrentLinkedQueue<String> violations) {
    int snapshots = 0;
    while (storming.get()) {
      snapshot().check(violations);
      snapshots++;
    }
    return snapshots;
  }

  private record Snapshot(int aliasRows, int active, int archived, int promoteRows,
      Integer holder, Integer lastAudited) {
    void check(ConcurrentLinkedQueue<String> violations) {
      if (promoteRows > 0 && (aliasRows != 1 || active != 1 || !holder.equals(lastAudited))) {
        violations.add(toString());
      }
    }
  }

  // One REPEATABLE READ transaction, so the counts come from the same instant.
  private Snapshot snapshot() {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT "
              + "(SELECT count(*) FROM aliases WHERE alias = 'production'),"
              + "(SELECT count(*) FROM model_versions WHERE status = 'ACTIVE'),"
              + "(SELECT count(*) FROM model_versions WHERE status = 'ARCHIVED'),"
              + "(SELECT count(*) FROM audit_log WHERE action = 'promote'),"
              + "(SELECT v.version FROM aliases a JOIN model_versions v ON v.id = a.version_id"
              + "   WHERE a.alias = 'production'),"
              + "(SELECT version FROM audit_log WHERE action IN ('promote', 'rollback')"
              + "   ORDER BY id DESC LIMIT 1)")) {
        rs.next();
        Snapshot snap = new Snapshot(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
            (Integer) rs.getObject(5), (Integer) rs.getObject(6));
        c.commit();
        return snap;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
