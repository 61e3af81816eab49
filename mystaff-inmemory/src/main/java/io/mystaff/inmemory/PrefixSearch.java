package io.mystaff.inmemory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Finds the first matches of a prefix search after a position in directory order, from two sources
 * that each answer it alone:
 *
 * <ul>
 *   <li>the <b>index</b>: every entry having a term that starts with the prefix, in term order,
 *       once per matching term. Read to the end while keeping the smallest entries after the
 *       position; it costs one step per matching posting, however the matches are spread.
 *   <li>the <b>walk</b>: every entry after the position, in directory order, tested one by one. It
 *       stops at the last match wanted; it costs one step per entry up to there, which is short
 *       when matches are dense near the position and long when they are rare or far away (a common
 *       first name late in the alphabet: every earlier user is walked past).
 * </ul>
 *
 * {@link Plan#RACE} advances both a step at a time and takes the answer of whichever finishes
 * first, so a search costs at most twice the cheaper strategy, without knowing in advance which one
 * that is.
 */
final class PrefixSearch {
  private PrefixSearch() {}

  /** Which sources a search reads: both (the default), or one alone (for tests). */
  enum Plan {
    RACE,
    INDEX,
    WALK
  }

  /**
   * The first {@code wanted} distinct matches strictly after {@code after} (all of them if fewer),
   * in directory order.
   *
   * @param indexed every matching entry, in any order, possibly repeated
   * @param walk every entry after {@code after}, in directory order
   * @param matches whether an entry of the walk matches (true exactly for the entries of {@code
   *     indexed})
   */
  static <T extends Listed> List<T> first(
      Plan plan,
      int wanted,
      Optional<Listed> after,
      Iterator<T> indexed,
      Iterator<T> walk,
      Predicate<? super T> matches) {
    if (wanted <= 0) {
      return List.of();
    }
    boolean readIndex = plan != Plan.WALK;
    boolean readWalk = plan != Plan.INDEX;
    TreeSet<T> smallest = new TreeSet<>(Listed.ORDER);
    List<T> walked = new ArrayList<>(Math.min(wanted, 64));
    while (true) {
      if (readIndex) {
        if (!indexed.hasNext()) {
          return new ArrayList<>(smallest);
        }
        keepIfSmallest(smallest, indexed.next(), after, wanted);
      }
      if (readWalk) {
        if (!walk.hasNext()) {
          return walked;
        }
        T entry = walk.next();
        if (matches.test(entry)) {
          walked.add(entry);
          if (walked.size() >= wanted) {
            return walked;
          }
        }
      }
    }
  }

  /** Adds {@code entry} if it is after {@code after} and among the {@code wanted} smallest seen. */
  private static <T extends Listed> void keepIfSmallest(
      NavigableSet<T> smallest, T entry, Optional<Listed> after, int wanted) {
    if (after.isPresent() && Listed.ORDER.compare(entry, after.get()) <= 0) {
      return;
    }
    if (smallest.size() >= wanted && Listed.ORDER.compare(entry, smallest.last()) >= 0) {
      return;
    }
    if (smallest.add(entry) && smallest.size() > wanted) {
      smallest.pollLast();
    }
  }
}
