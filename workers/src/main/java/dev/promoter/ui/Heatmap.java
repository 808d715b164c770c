package dev.promoter.ui;

import dev.promoter.evaluation.ConfusionCells.Matrix;
import java.util.Locale;

/**
 * A confusion matrix as an SVG heatmap, drawn on the server: no chart library, nothing to
 * download, and the same picture in every browser. Rows are the true class, columns the
 * predicted one; a cell's shade is its share of its row, so a small class's errors show as
 * clearly as a big one's; the diagonal is blue, errors red.
 */
final class Heatmap {
  private static final int CELL = 44;
  private static final int LEFT = 78;
  private static final int TOP = 70;

  private Heatmap() {}

  static String svg(Matrix matrix, String title) {
    int n = matrix.labels().size();
    int width = LEFT + n * CELL + 8;
    int height = TOP + n * CELL + 8;
    StringBuilder svg = new StringBuilder(4096);
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" "
        + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
        width, height, width, height, escape(title)));
    svg.append("<text x=\"").append(LEFT + n * CELL / 2).append("\" y=\"14\" class=\"axis\" text-anchor=\"middle\">predicted</text>");
    svg.append("<text x=\"12\" y=\"").append(TOP + n * CELL / 2)
        .append("\" class=\"axis\" text-anchor=\"middle\" transform=\"rotate(-90 12 ")
        .append(TOP + n * CELL / 2).append(")\">true class</text>");
    for (int i = 0; i < n; i++) {
      String label = escape(matrix.labels().get(i));
      int x = LEFT + i * CELL + CELL / 2;
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"start\" "
          + "transform=\"rotate(-45 %d %d)\">%s</text>", x - 6, TOP - 6, x - 6, TOP - 6, label));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">%s</text>",
          LEFT - 6, TOP + i * CELL + CELL / 2 + 4, label));
    }
    int[][] counts = matrix.counts();
    for (int t = 0; t < n; t++) {
      int rowTotal = 0;
      for (int c : counts[t]) {
        rowTotal += c;
      }
      for (int p = 0; p < n; p++) {
        int count = counts[t][p];
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        String fill = count == 0 ? "#f6f7f9" : colour(t == p, share);
        int x = LEFT + p * CELL;
        int y = TOP + t * CELL;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
            + "<title>true %s, predicted %s: %d (%.1f%% of the row)</title></rect>", x, y, CELL - 2, CELL - 2,
            fill, escape(matrix.labels().get(t)), escape(matrix.labels().get(p)), count, share * 100));
        if (count > 0) {
          String ink = share > 0.55 ? "#ffffff" : "#1f2933";
          svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"cell\" text-anchor=\"middle\" fill=\"%s\">%s</text>",
              x + (CELL - 2) / 2, y + (CELL - 2) / 2 + 4, ink, compact(count)));
        }
      }
    }
    return svg.append("</svg>").toString();
  }

  private static String colour(boolean diagonal, double share) {
    // from a pale tint to the full colour as the share grows; errors stay visible when small
    double s = diagonal ? share : Math.min(1, 0.25 + share * 3);
    int[] from = {235, 241, 250};
    int[] to = diagonal ? new int[] {30, 90, 170} : new int[] {200, 40, 40};
    int r = (int) Math.round(from[0] + (to[0] - from[0]) * s);
    int g = (int) Math.round(from[1] + (to[1] - from[1]) * s);
    int b = (int) Math.round(from[2] + (to[2] - from[2]) * s);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  private static String compact(int count) {
    return count >= 10_000 ? Math.round(count / 1000.0) + "k" : Integer.toString(count);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
