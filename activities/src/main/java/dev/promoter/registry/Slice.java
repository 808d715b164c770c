package dev.promoter.registry;

import java.util.List;

/**
 * One page of a longer list, by keyset: where the next page starts instead of a page number and a
 * total, so reading page 200 costs what reading page 1 does.
 *
 * @param items this page's items
 * @param size the page size asked for
 * @param next the cursor to pass as {@code after} for the next page; null on the last page
 */
public record Slice<T>(List<T> items, int size, String next) {
  /** Copies the items. */
  public Slice {
    items = List.copyOf(items);
  }
}
