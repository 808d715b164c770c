package dev.promoter.consensus.newick;

import java.util.Arrays;

/**
 * Leaf labels seen by one parser, looked up straight from the text. Files repeat the same taxa
 * in every tree, so returning one shared {@code String} per name avoids an allocation per leaf
 * and lets later map lookups hit the cached hash and the identity check in {@code equals}. A
 * per-entry stamp finds duplicate taxa within a tree without a set per tree.
 */
final class LabelInterner {
  private String[] names = new String[1024];
  private int[] hashes = new int[1024];
  private int[] stamps = new int[1024];
  private int size;

  /**
   * @param spaces read '_' as ' ' (unquoted labels)
   * @return the slot of the label held in {@code s[off .. off+len)}
   */
  int slot(char[] s, int off, int len, boolean spaces) {
    int h = 0;
    for (int i = off; i < off + len; i++) {
      char c = s[i];
      h = 31 * h + (spaces && c == '_' ? ' ' : c);
    }
    int mask = names.length - 1;
    int i = mix(h) & mask;
    for (String n = names[i]; n != null; n = names[i = (i + 1) & mask]) {
      if (hashes[i] == h && same(n, s, off, len, spaces)) {
        return i;
      }
    }
    String name = new String(s, off, len);
    names[i] = spaces ? name.replace('_', ' ') : name;
    hashes[i] = h;
    stamps[i] = 0;
    if (++size * 2 > names.length) {
      grow();
      return slot(s, off, len, spaces);
    }
    return i;
  }

  String name(int slot) {
    return names[slot];
  }

  /** @return false when the slot already carries {@code stamp} (the label repeats) */
  boolean mark(int slot, int stamp) {
    if (stamps[slot] == stamp) {
      return false;
    }
    stamps[slot] = stamp;
    return true;
  }

  private static boolean same(String n, char[] s, int off, int len, boolean spaces) {
    if (n.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      char c = s[off + i];
      if (n.charAt(i) != (spaces && c == '_' ? ' ' : c)) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    String[] oldNames = names;
    int[] oldHashes = hashes;
    int[] oldStamps = stamps;
    names = new String[oldNames.length * 2];
    hashes = new int[names.length];
    stamps = new int[names.length];
    int mask = names.length - 1;
    for (int j = 0; j < oldNames.length; j++) {
      if (oldNames[j] != null) {
        int i = mix(oldHashes[j]) & mask;
        while (names[i] != null) {
          i = (i + 1) & mask;
        }
        names[i] = oldNames[j];
        hashes[i] = oldHashes[j];
        stamps[i] = oldStamps[j];
      }
    }
    Arrays.fill(oldNames, null);
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
