package dev.promoter.consensus.newick;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed tree as parallel arrays with nodes numbered in postorder: every child has a smaller
 * index than its parent and the root is the last node. Arrays rather than node objects keep
 * 10,000 trees of 1,000 taxa cheap to parse and walk bottom-up. The arrays are shared, not
 * copied: treat them as read-only.
 *
 * @param labels label per node ({@code null} when absent); leaves always have one
 * @param lengths branch length per node ({@code NaN} when absent)
 * @param parent parent index per node, {@code -1} for the root
 * @param childCount number of children per node; 0 marks a leaf
 */
public record PhyloTree(String[] labels, double[] lengths, int[] parent, int[] childCount) {

  /** @return number of nodes */
  public int size() {
    return parent.length;
  }

  /** @return index of the root (always the last node) */
  public int root() {
    return parent.length - 1;
  }

  /** @return whether node {@code i} is a leaf */
  public boolean isLeaf(int i) {
    return childCount[i] == 0;
  }

  /** @return the leaf labels in node order */
  public List<String> leafLabels() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parent.length; i++) {
      if (childCount[i] == 0) {
        out.add(labels[i]);
      }
    }
    return out;
  }

  /** @return children lists built from the parent array, each in input order */
  public int[][] children() {
    int[][] kids = new int[parent.length][];
    int[] fill = new int[parent.length];
    for (int i = 0; i < parent.length; i++) {
      kids[i] = new int[childCount[i]];
    }
    for (int i = 0; i < parent.length; i++) {
      if (parent[i] >= 0) {
        kids[parent[i]][fill[parent[i]]++] = i;
      }
    }
    return kids;
  }
}
