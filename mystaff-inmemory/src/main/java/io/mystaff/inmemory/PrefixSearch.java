package io.mystaff.inmemory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds the first matches of a prefix search after a position in directory order, from two sources
 * that each answer it alone:
 *
 * <ul>
 *   <li>the <b>index</b>: the matching entries already in directory order ({@link
 *       TermIndex.Matches}: the range of display names starting with the prefix merged with the
 *       matching terms' postings), produced a step at a time. It costs a few steps per match, plus
 *       one step per matching term it must gather before the first one.
 *   <li>the <b>walk</b>: every entry after the position, in directory order, tested one by one. It
 *       stops at the last match wanted; it costs one step per entry up to there, which is short
 *       when matches are dense near the position and long when they are rare or far away.
 * </ul>
 *
 * {@link Plan#RACE} runs the index alone for its first steps (enough for a page when few terms
 * match, the usual case), then advances both a step at a time and takes the answer of whichever
 * finishes first: a query that must gather very many terms (a single letter, say) costs at most
 * about twice the walk, without knowing in advance which source is cheaper.
 */
final class PrefixSearch {
  /** Steps the index takes alone, beyond the number of matches wanted, before the walk joins. */
  static final int INDEX_HEAD_START = 64;

  private PrefixSearch() {}

  /** Which sources a search reads: both (the default), or one alone (for tests). */
  enum Plan {
    RACE,
    INDEX,
    WALK
  }

  /** Matches in directory order, each once, produced a bounded amount of work at a time. */
  interface InOrder<T> {
    /**
     * Does one step of work, adding to {@code out} at most one entry, the next match.
     *
     * @return false, adding nothing, once every match has been produced
     */
    boolean step(List<? super T> out);
  }

  /**
   * The first {@code wanted} matches (all of them if fewer), in directory order.
   *
   * @param indexed every match after the position, in directory order
   * @param walk every entry after the position, in directory order
   * @param matches whether an entry of the walk matches (true exactly for the entries of {@code
   *     indexed})
   */
  static <T> List<T> first(
      Plan plan, int wanted, InOrder<T> indexed, Iterator<T> walk, Predicate<? super T> matches) {
    if (wanted <= 0) {
      return List.of();
    }
    boolean readIndex = plan != Plan.WALK;
    boolean readWalk = plan != Plan.INDEX;
    long headStart = readIndex ? (long) wanted + INDEX_HEAD_START : 0;
    List<T> found = new ArrayList<>(Math.min(wanted, 64));
    List<T> walked = readWalk ? new ArrayList<>() : List.of();
    for (long steps = 0; ; steps++) {
      if (readIndex) {
        if (!indexed.step(found) || found.size() >= wanted) {
          return found;
        }
      }
      if (readWalk && steps >= headStart) {
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
}
