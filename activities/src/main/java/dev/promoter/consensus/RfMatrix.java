package dev.promoter.consensus;

/**
 * All-pairs Robinson-Foulds distances.
 *
 * @param distances raw symmetric differences, symmetric, zero diagonal; shared, not copied
 * @param splitCounts non-trivial splits per tree
 * @param taxonCount number of taxa
 */
public record RfMatrix(int[][] distances, int[] splitCounts, int taxonCount) {

  /** @return number of trees */
  public int size() {
    return distances.length;
  }

  /** @return the distance between trees i and j (0-based) under {@code norm} */
  public double distance(int i, int j, RfNormalization norm) {
    return norm.scale(distances[i][j], taxonCount, splitCounts[i], splitCounts[j]);
  }

  /**
   * @return a tab-separated matrix: header row and first column name trees 1..k in input order
   */
  public String toTsv(RfNormalization norm) {
    int k = size();
    StringBuilder b = new StringBuilder(k * k * 3);
    for (int j = 0; j < k; j++) {
      b.append('\t').append(j + 1);
    }
    b.append('\n');
    for (int i = 0; i < k; i++) {
      b.append(i + 1);
      for (int j = 0; j < k; j++) {
        b.append('\t');
        if (norm == RfNormalization.NONE) {
          b.append(distances[i][j]);
        } else {
          b.append((float) distance(i, j, norm));
        }
      }
      b.append('\n');
    }
    return b.toString();
  }
}
