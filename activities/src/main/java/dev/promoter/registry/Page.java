package dev.promoter.registry;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items this page's items
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items the whole list has
 */
public record Page<T>(List<T> items, int page, int size, long total) {
  /** The largest page size a caller may ask for. */
  public static final int MAX_SIZE = 500;

  /** Copies the items. */
  public Page {
    items = List.copyOf(items);
  }

  /** Refuses a negative page or a size outside 1..{@link #MAX_SIZE}. */
  public static void check(int page, int size) {
    if (page < 0) {
      throw RegistryException.invalid("page must be 0 or more, not " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw RegistryException.invalid("size must be between 1 and " + MAX_SIZE + ", not " + size);
    }
  }
}
