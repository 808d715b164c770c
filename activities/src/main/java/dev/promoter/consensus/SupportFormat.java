package dev.promoter.consensus;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How support values are written as internal node labels. */
public enum SupportFormat {
  /** Share of trees, e.g. {@code 0.75}; up to 4 decimals. */
  PROPORTION,
  /** Percentage of trees, e.g. {@code 75}; up to 2 decimals. */
  PERCENT;

  /** @return the label text for a frequency in [0, 1] */
  public String format(double frequency) {
    double v = this == PERCENT ? frequency * 100 : frequency;
    int scale = this == PERCENT ? 2 : 4;
    BigDecimal d = BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
