package dev.promoter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.app.PromoterApplication;
import dev.promoter.camunda.CamundaWorkers;
import dev.promoter.cli.StackProperties;
import dev.promoter.cli.SyntheticFasta;
import dev.promoter.identity.IdentityService;
import dev.promoter.registry.ApprovalRecord;
import dev.promoter.registry.Roles;
import dev.promoter.service.Actor;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.LifecycleService;
import dev.promoter.service.LifecycleSpec;
import dev.promoter.worker.WorkerPools;
import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.service.DriftService;
import dev.promoter.serving.PredictionWriter;
import dev.promoter.serving.TrainedModels;
import dev.promoter.workflows.rollout.Rollout;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web UI in a real browser (Debian's headless chromium) against `promoter server` on the
 * embedded stack, as a reviewer, a submitter, an admin and a viewer use it. The methods run in
 * order and share one server: each builds on the versions the one before registered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalsUiBrowserTest {
  private static final Duration RUN = Duration.ofSeconds(180);
  private static final Actor ALICE = new Actor("alice", Set.of(Roles.SUBMITTER, Roles.APPROVER));
  private static final Actor BOB = new Actor("bob", Set.of(Roles.APPROVER));
  private static final String VIEWER_PASSWORD = "viewer-password-1";
  private static final String CANARY = "rrna-canary";
  @TempDir static Path home;
  @TempDir static Path data;
  private StackProperties stack;
  private ConfigurableApplicationContext server;
  private Map<String, String> passwords;
  private Browser browser;

  @BeforeAll
  void startServerAndBrowser() throws Exception {
    SyntheticFasta.dataset(data.resolve("rrna"));
    stack = new StackProperties(home).set("promoter.workers.data-root", data.toString());
    stack.set("promoter.camunda.embedded-port", Integer.toString(StackProperties.freePort()));
    server = PromoterApplication.startServer("--server.port=0", "--promoter.camunda.engines=temporal,camunda");
    server.getBean(WorkerPools.class); // seeds the dev users with their passwords
    server.getBean(CamundaWorkers.class); // the embedded Zeebe engine, its processes and job workers
    passwords = dev.promoter.cli.DevFiles.read(home.resolve("dev-passwords"));
    server.getBean(IdentityService.class).addUser("vera", Set.of(Roles.VIEWER),
        VIEWER_PASSWORD.toCharArray(), "test");
    browser = new Browser("http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void signedOutPagesLeadToTheSignInForm() {
    browser.open("/approvals");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
    browser.type("#username", "alice");
    browser.type("#password", "not her password");
    browser.click("#sign-in");
    assertThat(browser.text("#login-error")).contains("Unknown user or wrong password");
  }

  @Test
  @Order(2)
  void aliceStartsARunFromTheFormBobApprovesItWithTheEvidenceInFront() throws Exception {
    browser.signIn("alice", passwords.get("alice"));
    assertThat(passwords.get("alice")).hasSize(16);

    // bad input: the form names the problem and nothing starts
    long before = runs().list(null, null, 0, 100).total();
    browser.open("/runs/new");
    browser.type("#model", "rrna");
    browser.type("#dataset", "../secrets");
    browser.type("#minimum", "0");
    browser.click("#start");
    assertThat(browser.text("#problem")).contains("outside the data root");
    assertThat(runs().list(null, null, 0, 100).total()).isEqualTo(before);

    browser.type("#dataset", "rrna");
    browser.click("#start");
    browser.awaitText("#run-status", "AWAITING_APPROVAL", RUN); // the page follows the run by itself
    String runId = browser.driver().getCurrentUrl().replaceAll(".*/runs/", "");
    assertThat(browser.text("#run-candidates")).contains("logreg").contains("DONE");
    browser.screenshot("run-awaiting");

    // four eyes: alice may approve in general, but not her own run; nothing changes
    browser.click("#review-link");
    browser.type("#reason", "mine is great");
    browser.click("#approve");
    assertThat(browser.text("#refusal"))
        .isEqualTo("alice submitted this run and cannot also decide on it (four eyes)");
    assertThat(browser.text("#approval-status")).isEqualTo("PENDING");
    assertThat(approval(runId).status()).isEqualTo("PENDING");
    browser.signOut();

    browser.signIn("bob", passwords.get("bob"));
    assertThat(browser.text("#inbox-count")).isEqualTo("1");
    assertThat(browser.text("#inbox")).contains("rrna").contains("v1").contains("alice").contains("no production");
    browser.screenshot("inbox");
    browser.find("#inbox tr[data-run='" + runId + "'] a.button").click();
    assertThat(browser.text("#headline")).contains("macro_f1").contains("fragments.macro_f1");
    assertThat(browser.text("#no-production")).contains("this would be the first");
    assertThat(browser.text("#per-class")).contains("16S").contains("5.8S").contains("mt-SSU");
    assertThat(browser.driver().findElements(By.cssSelector("#heatmap-candidate svg rect"))).hasSize(64);
    assertThat(browser.text("#candidates")).contains("chosen");
    assertThat(browser.text("#lineage")).contains("sha256:").contains(runId);
    assertThat(browser.text("#smoke")).contains("passed");
    browser.type("#reason", "first model; every class above 0.9");
    browser.click("#approve");
    browser.awaitText("#run-status", "PROMOTED", RUN);
    assertThat(browser.text("#notice")).contains("Approved").contains("PROMOTED");

    browser.open("/models/rrna");
    assertThat(browser.text("#serving-none")).contains("No version loaded yet");
    server.getBean(dev.promoter.service.ServingService.class).predict("rrna",
        dev.promoter.service.ServingService.Target.of(null, null), List.of("ACGTACGTACGTACGTACGTACGTACGT"), true);
    browser.open("/models/rrna");
    assertThat(browser.text("#serving")).contains("v1").contains("ACTIVE");
    assertThat(browser.text("#timeline")).contains("bob").contains("promote").contains("production");
    assertThat(browser.text("#versions")).contains("production");
    assertThat(browser.has("#operator")).as("bob is no admin: no operator moves").isFalse();
    browser.signOut();
  }

  @Test
  @Order(3)
  void aViewerSeesNoButtonsAndForgedOrCsrfLessPostsAreRefusedThenBobRejects() throws Exception {
    String runId = runs().start(ALICE, spec());
    awaitPending(runId);

    browser.signIn("vera", VIEWER_PASSWORD);
    browser.open("/approvals/" + runId);
    assertThat(browser.text("#no-decide")).contains("approver");
    assertThat(browser.has("#decision-form")).isFalse();
    // the page beside production: v1 holds it, and this run scored it on the same test set
    assertThat(browser.text("#production-basis")).contains("scored by this run on the same test set");
    assertThat(browser.driver().findElements(By.cssSelector("#heatmap-production svg rect"))).hasSize(64);
    browser.open("/runs");
    assertThat(browser.has("#start-run")).isFalse();
    browser.open("/models/rrna");
    assertThat(browser.has("#operator")).isFalse();
    browser.open("/approvals/" + runId);
    // a forged decision with a valid CSRF token (the sign-out form's) is refused for the role
    assertThat(post("/approvals/" + runId + "/decision", true)).isEqualTo(403L);
    browser.signOut();

    browser.signIn("bob", passwords.get("bob"));
    browser.open("/approvals/" + runId);
    browser.screenshot("approval");
    // the right role without a CSRF token: refused too
    assertThat(post("/approvals/" + runId + "/decision", false)).isEqualTo(403L);
    assertThat(approval(runId).status()).isEqualTo("PENDING");

    browser.open("/approvals/" + runId);
    browser.click("#reject"); // no reason: the browser's own check stops it...
    assertThat(approval(runId).status()).isEqualTo("PENDING");
    browser.type("#reason", "no gain on fragments over v1");
    browser.click("#reject");
    browser.awaitText("#run-status", "REJECTED", RUN);
    browser.open("/models/rrna");
    assertThat(browser.text("#timeline")).contains("no gain on fragments over v1");
    browser.signOut();
  }

  @Test
  @Order(4)
  void anAdminRollsBackWithAConfirmationAndAReason() throws Exception {
    String runId = runs().start(ALICE, spec());
    awaitPending(runId);
    approvals().decide(BOB, runId, true, "v3 better");
    browser.signIn("demo", passwords.get("demo"));
    browser.open("/models/rrna");
    browser.screenshot("model");
    assertThat(browser.find("#versions tr[data-version='3']").getText()).contains("production");
    browser.type("#rollback-reason", "drift on fragments");
    browser.click("#rollback");
    assertThat(browser.text("#confirm")).contains("goes back from").contains("v3").contains("drift on fragments");
    browser.click("#confirm-move");
    assertThat(browser.text("#notice")).contains("rolled back from v3 to v1");
    assertThat(browser.find("#timeline li").getText()).contains("demo").contains("rollback").contains("operator")
        .contains("drift on fragments");
    browser.signOut();
  }

  @Test
  @Order(5)
  void aSubmitterSchedulesRetrainingAndAnAdminDeletesIt() {
    browser.signIn("alice", passwords.get("alice"));
    browser.open("/runs");
    assertThat(browser.text("#runs")).contains("PROMOTED").contains("REJECTED").contains("alice");
    browser.open("/schedules");
    browser.type("#schedule-name", "weekly-rrna");
    browser.type("#schedule-cron", "0 0 30 2 *"); // February 30th: parses, never fires
    browser.click("#create-schedule");
    assertThat(browser.text("#problem")).contains("never");
    assertThat(browser.has("#schedules")).isFalse();
    browser.type("#schedule-cron", "0 3 * * 1");
    browser.click("#create-schedule");
    assertThat(browser.text("#notice")).contains("weekly-rrna");
    assertThat(browser.text("#schedules")).contains("weekly-rrna").contains("0 3 * * 1").contains("UTC");
    assertThat(browser.has("#schedules form")).as("alice is no admin: no delete").isFalse();
    browser.signOut();

    browser.signIn("demo", passwords.get("demo"));
    browser.open("/schedules");
    browser.click("#schedules form button");
    browser.driver().switchTo().alert().accept(); // the page asks before deleting
    assertThat(browser.text("#notice")).contains("deleted");
    assertThat(browser.has("#schedules")).isFalse();
    browser.signOut();
  }

  @Test
  @Order(6)
  void aCamundaRunWaitsInTheSameInboxAndIsApprovedTheSameWay() {
    browser.signIn("alice", passwords.get("alice"));
    browser.open("/runs/new");
    browser.type("#model", "rrna-zeebe");
    browser.type("#minimum", "0");
    new org.openqa.selenium.support.ui.Select(browser.find("#engine")).selectByValue("camunda");
    browser.click("#start");
    browser.awaitText("#run-status", "AWAITING_APPROVAL", RUN);
    String runId = browser.driver().getCurrentUrl().replaceAll(".*/runs/", "");
    assertThat(browser.text("#live")).contains("on Camunda");
    browser.signOut();

    browser.signIn("bob", passwords.get("bob"));
    assertThat(browser.find("#inbox tr[data-run='" + runId + "']").getText()).contains("Camunda").contains("rrna-zeebe");
    browser.find("#inbox tr[data-run='" + runId + "'] a.button").click();
    assertThat(browser.text("#engine")).isEqualTo("Camunda");
    assertThat(browser.driver().findElements(By.cssSelector("#heatmap-candidate svg rect"))).hasSize(64);
    browser.type("#reason", "same evidence, other engine");
    browser.click("#approve");
    browser.awaitText("#run-status", "PROMOTED", RUN);
    browser.open("/models/rrna-zeebe");
    assertThat(browser.text("#timeline")).contains("bob").contains("promote").contains("same evidence, other engine");
    browser.signOut();
  }

  @Test
  @Order(7)
  void aCanaryStartedFromTheFormFillsItsRolloutTableFromLiveTrafficAndIsPromoted() throws Exception {
    int champion = TrainedModels.register(server.getBean(ModelRegistry.class),
        (FileArtifactStore) server.getBean(ArtifactStore.class), CANARY, "champion", TrainedModels.archive());
    server.getBean(ModelRegistry.class).promote(CANARY, champion, "production", "alice", "the champion");
    browser.signIn("alice", passwords.get("alice"));
    browser.open("/runs/new");
    // the server's own list of strategies; only the chosen one's fields show
    assertThat(browser.driver().findElements(By.cssSelector("#strategy option")).stream()
        .map(o -> o.getAttribute("value")).toList()).isEqualTo(Rollout.STRATEGIES);
    assertThat(browser.find("#fields-canary").isDisplayed()).isFalse();
    new Select(browser.find("#strategy")).selectByValue("canary");
    assertThat(browser.find("#fields-canary").isDisplayed()).isTrue();
    assertThat(browser.find("#fields-gates").isDisplayed()).isTrue();
    assertThat(browser.find("#fields-ab").isDisplayed()).isFalse();
    assertThat(browser.find("#deployment-steps").getAttribute("placeholder")).isEqualTo("10,25,50,100");
    browser.type("#model", CANARY);
    browser.type("#minimum", "0");
    browser.type("#deployment-steps", "50,25,100");
    browser.type("#deployment-bake", "PT10S");
    browser.type("#deployment-min-requests", "10");
    browser.type("#deployment-min-labels", "3");
    // a latency gate generous enough for a loaded, shared test machine: the gates these
    // scenarios are about are the model's own (agreement, accuracy)
    browser.type("#deployment-max-p99", "2000");
    browser.screenshot("start-canary-form");

    // the service's own check, its words on the form, HTTP 400, nothing started
    long before = runs().list(null, null, 0, 100).total();
    assertThat(submitStatus()).isEqualTo(400L);
    browser.click("#start");
    assertThat(browser.text("#problem")).isEqualTo("deployment.steps: shares must rise, each 1-100 %, not [50, 25, 100]");
    assertThat(browser.find("#fields-canary").isDisplayed()).as("the form comes back as it was typed").isTrue();
    assertThat(browser.find("#deployment-bake").getAttribute("value")).isEqualTo("PT10S");
    browser.type("#deployment-bake", "10s");
    browser.type("#deployment-steps", "50,100");
    browser.click("#start");
    assertThat(browser.text("#problem")).startsWith("invalid deployment.bake '10s'");
    assertThat(runs().list(null, null, 0, 100).total()).isEqualTo(before);

    browser.type("#deployment-bake", "PT10S");
    browser.click("#start");
    browser.awaitText("#run-status", "AWAITING_APPROVAL", RUN);
    String runId = browser.driver().getCurrentUrl().replaceAll(".*/runs/", "");
    assertThat(browser.text("#rollout-headline")).isEqualTo(
        "Planned: canary 50% → 100%, each held 10 s. It starts after the approval.");
    assertThat(browser.text("#rollout-steps")).contains("canary 50%").contains("canary 100%").contains("pending");

    List<FastaRecord> traffic = FastaReader.readAll(data.resolve("rrna/test.fasta"));
    try (LiveTraffic live = new LiveTraffic(base(), tokens().get("alice")).flow(CANARY, traffic)) {
      // a decision answers with the run's outcome, so it returns once the canary has ended:
      // it runs beside the page that is watched meanwhile
      CompletableFuture<LifecycleStatus> decided =
          CompletableFuture.supplyAsync(() -> approvals().decide(BOB, runId, true, "canary it"));
      // the page follows the steps by itself: a step with its shares and when its gates are read
      String now = browser.awaitText("#rollout-now", t -> t.contains(" of 2, canary") && t.contains("Gates read"), RUN);
      assertThat(now).containsPattern("Step [12] of 2, canary (50|100)%: v\\d+ answers (50|100) % of production "
          + "traffic, v" + champion + " (50|0) %");
      browser.screenshot("rollout-running");
      browser.awaitText("#run-status", "PROMOTED", RUN);
      assertThat(decided.get(RUN.toSeconds(), TimeUnit.SECONDS)).isEqualTo(LifecycleStatus.PROMOTED);
    }
    assertThat(browser.text("#rollout-headline")).isEqualTo("Promoted after 2 steps.");
    for (String step : List.of("canary 50%", "canary 100%")) {
      String row = "#rollout-steps tr[data-step='" + step + "'] ";
      assertThat(browser.text(row + "td:nth-child(4)")).isEqualTo("passed");
      assertGate(row, "requests", "passed", "≥ 10");
      assertGate(row, "errorRate", "passed", "≤ 0.0100");
      assertGate(row, "p99", "passed", "≤ 2000.0");
      assertGate(row, "agreement", "passed", "≥ 0.900");
    }
    assertThat(browser.text("#rollout-steps tr[data-step='canary 50%'] td:nth-child(2)")).isEqualTo("50 %");
    assertThat(browser.text("#verdict")).isNotBlank();
    browser.screenshot("rollout-promoted");
    browser.signOut();
  }

  @Test
  @Order(8)
  void withoutScriptTheStartFormShowsEveryStrategysFieldsAndRefusesTheSame() {
    long before = runs().list(null, null, 0, 100).total();
    try (Browser plain = new Browser(base(), false)) {
      plain.signIn("alice", passwords.get("alice"));
      plain.open("/runs/new");
      for (String group : List.of("#fields-canary", "#fields-bake", "#fields-gates", "#fields-shadow", "#fields-ab")) {
        assertThat(plain.find(group).isDisplayed()).as(group).isTrue();
      }
      assertThat(plain.text("#fields-ab")).contains("A/B test");
      new Select(plain.find("#strategy")).selectByValue("ab");
      plain.type("#model", CANARY);
      plain.type("#deployment-ab-percent", "100");
      plain.click("#start");
      assertThat(plain.text("#problem")).isEqualTo("deployment.abPercent: must be 1-99, not 100");
    }
    assertThat(runs().list(null, null, 0, 100).total()).isEqualTo(before);
  }

  @Test
  @Order(9)
  void aCanaryOfAModelTrainedOnLiesIsRolledBackByItsGatesWithTheFiguresOnThePage() throws Exception {
    LiveTraffic.relabelled(data.resolve("rrna"), data.resolve("mislabelled"));
    browser.signIn("alice", passwords.get("alice"));
    browser.open("/runs/new");
    new Select(browser.find("#strategy")).selectByValue("canary");
    browser.type("#model", CANARY);
    browser.type("#dataset", "mislabelled");
    browser.type("#minimum", "0");
    browser.type("#deployment-steps", "50,100");
    browser.type("#deployment-bake", "PT10S");
    browser.type("#deployment-min-requests", "10");
    browser.type("#deployment-min-labels", "3");
    browser.type("#deployment-max-p99", "2000");
    browser.click("#start");
    browser.awaitText("#run-status", "AWAITING_APPROVAL", RUN);
    String runId = browser.driver().getCurrentUrl().replaceAll(".*/runs/", "");
    int production = server.getBean(ModelRegistry.class).holder(CANARY, "production").version();
    List<FastaRecord> traffic = FastaReader.readAll(data.resolve("rrna/test.fasta"));
    try (LiveTraffic live = new LiveTraffic(base(), tokens().get("alice")).flow(CANARY, traffic)) {
      CompletableFuture<LifecycleStatus> decided =
          CompletableFuture.supplyAsync(() -> approvals().decide(BOB, runId, true, "offline it wins"));
      browser.awaitText("#run-status", "ROLLED_BACK", RUN);
      assertThat(decided.get(RUN.toSeconds(), TimeUnit.SECONDS)).isEqualTo(LifecycleStatus.ROLLED_BACK);
    }
    String row = "#rollout-steps tr[data-step='canary 50%'] ";
    assertThat(browser.text(row + "td:nth-child(4)")).isEqualTo("failed");
    assertGate(row, "agreement", "failed", "≥ 0.900");
    assertThat(browser.text("#rollout-headline")).isEqualTo("Rolled back at canary 50%: all traffic went back to v" + production + ".");
    assertThat(browser.text("#verdict")).contains("rolled back at canary step 1 (50%)")
        .contains("production stays on v" + production);
    assertThat(browser.has("#rollout-steps tr[data-step='canary 100%']")).as("never reached").isFalse();
    assertThat(server.getBean(ModelRegistry.class).holder(CANARY, "production").version()).isEqualTo(production);
    browser.screenshot("rollout-rolled-back");
    browser.signOut();
  }

  @Test
  @Order(10)
  void driftChecksAndTheRetrainTheyStartShowOnTheModelPage() throws Exception {
    LiveTraffic client = new LiveTraffic(base(), tokens().get("alice"));
    HttpResponse<String> monitor = client.send("PUT", "/api/v1/models/" + CANARY + "/drift",
        "{\"interval\":\"PT2S\",\"window\":\"1h\",\"minimumPredictions\":50,\"coolDown\":\"1d\"}", Map.of());
    assertThat(monitor.statusCode()).as(monitor.body()).isIn(200, 201);
    List<String> shifted = LiveTraffic.atRich(FastaReader.readAll(data.resolve("rrna/test.fasta")));
    DriftService drift = server.getBean(DriftService.class);
    // shifted traffic until a check claims a retrain: the canaries' own traffic is in the window
    // too, so how much it takes depends on how much they sent; the deadline bounds a broken loop
    Instant deadline = Instant.now().plus(RUN);
    while (drift.show(CANARY, 20).checks().stream().noneMatch(c -> c.retrainRunId() != null)) {
      assertThat(Instant.now()).as(() -> "no drift check started a retrain: " + drift.show(CANARY, 3).checks())
          .isBefore(deadline);
      for (int k = 0; k < 5; k++) {
        client.predictAll(CANARY, shifted);
      }
      server.getBean(PredictionWriter.class).flush();
    }
    browser.signIn("vera", VIEWER_PASSWORD);
    browser.open("/models/" + CANARY);
    assertThat(browser.text("#drift-monitor")).contains("Checked every PT2S").contains("submitted as alice")
        .contains("KS D of 0.15");
    assertThat(browser.text("#drift-checks")).contains("SIGNIFICANT").contains("retraining:");
    assertThat(browser.find("#drift-checks tr[data-verdict='SIGNIFICANT'] td:nth-child(7)").getText()).contains("*");
    browser.screenshot("model-drift");
    String retrain = browser.text("#drift-checks a.drift-run");
    browser.click("#drift-checks a.drift-run");
    browser.reloadUntil("#live", RUN); // the retraining run's first step records it
    assertThat(browser.text("#live")).contains(retrain).contains("submitted by alice");
    browser.signOut();
  }

  private void assertGate(String row, String gate, String state, String threshold) {
    org.openqa.selenium.WebElement cell = browser.find(row + "td[data-gate='" + gate + "']");
    assertThat(cell.getAttribute("class")).as(gate + ": " + cell.getText()).contains(state);
    assertThat(cell.getText()).as(gate).contains(threshold);
  }

  /** Posts the start form as the browser would send it, for the status code a page does not show. */
  private long submitStatus() {
    return (Long) browser.script("""
        var done = arguments[arguments.length - 1];
        var form = document.getElementById('start-form');
        fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin',
            redirect: 'manual'}).then(function (r) { done(r.status); }, function (e) { done(String(e)); });
        """);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
  }

  private Map<String, String> tokens() throws java.io.IOException {
    return dev.promoter.cli.DevFiles.read(home.resolve(dev.promoter.worker.WorkerConfiguration.DEV_TOKEN_FILE));
  }

  private long post(String path, boolean withCsrf) {
    Object status = browser.script("""
        var done = arguments[arguments.length - 1];
        var body = new URLSearchParams({decision: 'approve', reason: 'forged'});
        var csrf = document.querySelector('input[name=_csrf]');
        if (arguments[1] && csrf) { body.append('_csrf', csrf.value); }
        fetch(arguments[0], {method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual'})
          .then(function (r) { done(r.status); }, function (e) { done(String(e)); });
        """, path, withCsrf);
    return (Long) status;
  }

  private void awaitPending(String runId) throws InterruptedException {
    for (int i = 0; i < 360; i++) {
      if (approvals().list("PENDING", null).stream().anyMatch(a -> a.runId().equals(runId))) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("run " + runId + " never asked for approval");
  }

  private ApprovalRecord approval(String runId) {
    return approvals().list(null, null).stream().filter(a -> a.runId().equals(runId)).findFirst().orElseThrow();
  }

  private static LifecycleSpec spec() {
    return new LifecycleSpec("rrna", "rrna", List.of(new LifecycleSpec.Candidate(null, "logreg", null, Map.of())),
        "macro_f1", 0.0, 0.0, null);
  }

  private LifecycleService runs() {
    return server.getBean(LifecycleService.class);
  }

  private ApprovalService approvals() {
    return server.getBean(ApprovalService.class);
  }
}
