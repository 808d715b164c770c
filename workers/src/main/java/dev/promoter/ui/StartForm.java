package dev.promoter.ui;

import dev.promoter.service.Durations;
import dev.promoter.service.LifecycleSpec;
import dev.promoter.service.ServiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start-a-lifecycle form as typed, its deployment fields in {@link DeploymentFields}. It only
 * turns text into a {@link LifecycleSpec}; every rule is {@code LifecycleRequests}'s, the same as
 * for the API and the CLI.
 */
public final class StartForm {
  /** Candidate rows the form offers. */
  static final int ROWS = 4;

  private String model = "rrna-classifier";
  private String dataset = "rrna";
  private List<CandidateRow> candidates = new ArrayList<>(List.of(
      new CandidateRow("logreg", "logreg", "", ""), new CandidateRow("", "", "", ""),
      new CandidateRow("", "", "", ""), new CandidateRow("", "", "", "")));
  private String metric = "macro_f1";
  private String minimum = "0.9";
  private String margin = "0";
  private String approvalTimeout = "7d";
  private String engine = "temporal";
  private DeploymentFields deployment = new DeploymentFields();

  /** One candidate row; a row with no trainer is ignored. */
  public static final class CandidateRow {
    private String name;
    private String trainer;
    private String pool;
    private String params;

    public CandidateRow() {
      this("", "", "", "");
    }

    CandidateRow(String name, String trainer, String pool, String params) {
      this.name = name;
      this.trainer = trainer;
      this.pool = pool;
      this.params = params;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTrainer() { return trainer; }
    public void setTrainer(String trainer) { this.trainer = trainer; }
    public String getPool() { return pool; }
    public void setPool(String pool) { this.pool = pool; }
    public String getParams() { return params; }
    public void setParams(String params) { this.params = params; }
  }

  /** The request this form asks for; text that is not a number or a duration is bad input. */
  LifecycleSpec toSpec() {
    List<LifecycleSpec.Candidate> specs = new ArrayList<>();
    for (CandidateRow row : candidates) {
      if (row == null || blank(row.trainer)) {
        continue;
      }
      specs.add(new LifecycleSpec.Candidate(blank(row.name) ? null : row.name.strip(), row.trainer.strip(),
          blank(row.pool) ? null : row.pool.strip(), params(row.params)));
    }
    if (specs.isEmpty()) {
      throw ServiceException.badInput("choose a trainer for at least one candidate");
    }
    String decides = deployment == null ? null : deployment.decidesOrNull();
    LifecycleSpec.Approval approval = blank(approvalTimeout) && decides == null ? null
        : new LifecycleSpec.Approval(blank(approvalTimeout) ? null : Durations.parse(approvalTimeout, "approval timeout"),
            decides);
    return new LifecycleSpec(model, dataset, specs, blank(metric) ? null : metric.strip(),
        FormText.decimal(minimum, "minimum"), FormText.decimal(margin, "margin"), approval,
        blank(engine) ? null : engine.strip(), deployment == null ? null : deployment.toSpec());
  }

  static Map<String, String> params(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    if (blank(text)) {
      return params;
    }
    for (String pair : text.split("[,\\s]+")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw ServiceException.badInput("parameter '" + pair + "' must be NAME=VALUE, e.g. epochs=3");
      }
      params.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return params;
  }

  private static boolean blank(String s) {
    return FormText.blank(s);
  }

  public String getModel() { return model; }
  public void setModel(String model) { this.model = model; }
  public String getDataset() { return dataset; }
  public void setDataset(String dataset) { this.dataset = dataset; }
  public List<CandidateRow> getCandidates() { return candidates; }
  public void setCandidates(List<CandidateRow> candidates) { this.candidates = candidates; }
  public String getMetric() { return metric; }
  public void setMetric(String metric) { this.metric = metric; }
  public String getMinimum() { return minimum; }
  public void setMinimum(String minimum) { this.minimum = minimum; }
  public String getMargin() { return margin; }
  public void setMargin(String margin) { this.margin = margin; }
  public String getEngine() { return engine; }
  public void setEngine(String engine) { this.engine = engine; }
  public String getApprovalTimeout() { return approvalTimeout; }
  public void setApprovalTimeout(String approvalTimeout) { this.approvalTimeout = approvalTimeout; }
  public DeploymentFields getDeployment() { return deployment; }
  public void setDeployment(DeploymentFields deployment) { this.deployment = deployment; }
}
