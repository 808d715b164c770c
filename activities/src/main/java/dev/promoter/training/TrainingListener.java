package dev.promoter.training;

/**
 * Told where a training got to, in words an operator reads ("tree 4/10", "scoring 1,312
 * held-out records"). Called on the training's own thread; must be quick and must not throw.
 */
@FunctionalInterface
public interface TrainingListener {

  /** A listener that ignores everything. */
  TrainingListener NONE = detail -> { };

  /** @param detail the step the training is in, e.g. {@code tree 4/10} */
  void progress(String detail);
}
