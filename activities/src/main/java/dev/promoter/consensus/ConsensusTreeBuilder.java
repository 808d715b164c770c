package dev.promoter.consensus;

import dev.promoter.consensus.newick.PhyloTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a tree from pairwise compatible splits. Normalised splits never hold taxon 0, so
 * compatible ones are nested or disjoint (a laminar family): taken largest first, each split's
 * parent is the smallest split taken so far that holds any of its taxa. The tree is rooted at
 * a multifurcation holding taxon 0, i.e. written as unrooted, with children ordered by their
 * smallest taxon index so that equal trees print equally.
 */
final class ConsensusTreeBuilder {

  private ConsensusTreeBuilder() {}

  static PhyloTree build(SplitCounts c, int[] kept, ConsensusOptions o) {
    SplitTable t = c.table();
    int n = c.taxa().size();
    int w = t.words();
    Integer[] order = Arrays.stream(kept).boxed().toArray(Integer[]::new);
    int[] card = new int[t.size()];
    for (int id : kept) {
      card[id] = Bitsets.cardinality(t.bits(), id * w, w);
    }
    Arrays.sort(order, (a, b) -> Integer.compare(card[b], card[a]));
    int k = order.length;
    int[] deepest = new int[n]; // per taxon: smallest kept cluster so far, -1 = root
    Arrays.fill(deepest, -1);
    List<List<Integer>> kids = new ArrayList<>(); // cluster c at c, root at k; taxon x as ~x
    for (int i = 0; i <= k; i++) {
      kids.add(new ArrayList<>());
    }
    int[] minTaxon = new int[k];
    for (int ci = 0; ci < k; ci++) {
      List<Integer> members = Bitsets.members(t.bits(), order[ci] * w, w);
      minTaxon[ci] = members.get(0);
      int parent = deepest[members.get(0)];
      kids.get(parent < 0 ? k : parent).add(ci);
      for (int x : members) {
        deepest[x] = ci;
      }
    }
    for (int x = 0; x < n; x++) {
      kids.get(deepest[x] < 0 ? k : deepest[x]).add(~x);
    }
    for (List<Integer> list : kids) {
      list.sort((a, b) -> Integer.compare(a < 0 ? ~a : minTaxon[a], b < 0 ? ~b : minTaxon[b]));
    }
    return new Emitter(c, order, kids, o, n + k + 1).emit(k);
  }

  /** Writes nodes in postorder into the parallel arrays of a {@link PhyloTree}. */
  private static final class Emitter {
    private final SplitCounts c;
    private final Integer[] order;
    private final List<List<Integer>> kids;
    private final ConsensusOptions o;
    private final String[] labels;
    private final double[] lengths;
    private final int[] parent;
    private final int[] childCount;
    private int next;

    Emitter(SplitCounts c, Integer[] order, List<List<Integer>> kids, ConsensusOptions o, int size) {
      this.c = c;
      this.order = order;
      this.kids = kids;
      this.o = o;
      labels = new String[size];
      lengths = new double[size];
      parent = new int[size];
      childCount = new int[size];
    }

    PhyloTree emit(int root) {
      int r = node(root, root);
      parent[r] = -1;
      lengths[r] = Double.NaN;
      return new PhyloTree(labels, lengths, parent, childCount);
    }

    /** @return the postorder index given to cluster {@code ci} (root when ci == root) */
    private int node(int ci, int root) {
      List<Integer> ks = kids.get(ci);
      int[] made = new int[ks.size()];
      for (int i = 0; i < made.length; i++) {
        int kid = ks.get(i);
        made[i] = kid < 0 ? leaf(~kid) : node(kid, root);
      }
      int me = next++;
      for (int m : made) {
        parent[m] = me;
      }
      childCount[me] = made.length;
      if (ci != root) {
        int id = order[ci];
        labels[me] = o.support().format(c.frequency(id));
        lengths[me] = o.meanBranchLengths() ? c.table().meanLength(id) : Double.NaN;
      }
      return me;
    }

    private int leaf(int x) {
      int me = next++;
      labels[me] = c.taxa().names().get(x);
      lengths[me] = o.meanBranchLengths() ? c.leafLengths()[x] : Double.NaN;
      return me;
    }
  }
}
