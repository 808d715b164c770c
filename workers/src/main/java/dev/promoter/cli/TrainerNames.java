package dev.promoter.cli;

import dev.promoter.gpu.training.CnnCommandLine;
import dev.promoter.training.TrainerKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Every {@code train --trainer} value: the Tribuo learners, then the CNN; help lists them from here. */
final class TrainerNames implements Iterable<String> {
  static final List<String> ALL = all();

  private static List<String> all() {
    List<String> names = new ArrayList<>();
    for (TrainerKind kind : TrainerKind.values()) {
      names.add(kind.id());
    }
    names.add(CnnCommandLine.TRAINER);
    return List.copyOf(names);
  }

  @Override
  public Iterator<String> iterator() {
    return ALL.iterator();
  }

  /** @return "a, b, c or d" */
  static String listed() {
    return String.join(", ", ALL.subList(0, ALL.size() - 1)) + " or " + ALL.getLast();
  }
}
