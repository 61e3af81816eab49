package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrefixSearchTest {
  /** Replay a run with {@code -Dmystaff.seed=...}; every failure message names the seed. */
  private static final long SEED = Long.getLong("mystaff.seed", 0x5EA7C4L);

  private static List<Listed> entries(int count) {
    List<Listed> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(new Listed.Key(String.format("name %05d", i), "id" + i));
    }
    return all;
  }

  @Test
  void first_randomMatchesAndPositions_everyPlanAgreesWithTheModel() {
    Random random = new Random(SEED);
    for (int round = 0; round < 2_000; round++) {
      List<Listed> all = entries(random.nextInt(60));
      Set<Listed> matching =
          all.stream().filter(e -> random.nextInt(4) == 0).collect(Collectors.toSet());
      Optional<Listed> after =
          all.isEmpty() || random.nextBoolean()
              ? Optional.empty()
              : Optional.of(all.get(random.nextInt(all.size())));
      int wanted = 1 + random.nextInt(8);
      List<Listed> expected =
          all.stream()
              .filter(matching::contains)
              .filter(e -> after.isEmpty() || Listed.ORDER.compare(e, after.get()) > 0)
              .limit(wanted)
              .toList();
      List<Listed> postings = new ArrayList<>(matching);
      postings.addAll(
          matching.stream().filter(e -> random.nextBoolean()).toList()); // a second term
      for (PrefixSearch.Plan plan : PrefixSearch.Plan.values()) {
        Collections.shuffle(postings, random);
        List<Listed> walk =
            after.isEmpty() ? all : all.subList(all.indexOf(after.get()) + 1, all.size());
        assertThat(
                PrefixSearch.first(
                    plan, wanted, after, postings.iterator(), walk.iterator(), matching::contains))
            .as("seed %s, round %s, plan %s", SEED, round, plan)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  @Test
  void first_manyMatchesLateInOrder_readsTheIndexInsteadOfWalkingPastEveryEarlierEntry() {
    List<Listed> all = entries(100_000);
    List<Listed> late = all.subList(90_000, 90_500); // a common first name late in the alphabet
    Counting<Listed> index = new Counting<>(late.iterator());
    Counting<Listed> walk = new Counting<>(all.iterator());

    List<Listed> page =
        PrefixSearch.first(
            PrefixSearch.Plan.RACE, 26, Optional.empty(), index, walk, Set.copyOf(late)::contains);

    assertThat(page).containsExactlyElementsOf(late.subList(0, 26));
    assertThat(index.steps).isEqualTo(late.size());
    assertThat(walk.steps).isLessThanOrEqualTo(late.size() + 1);
  }

  @Test
  void first_prefixMatchingNearlyEverything_stopsWalkingAtThePageInsteadOfReadingTheIndex() {
    List<Listed> all = entries(100_000);
    List<Listed> matching = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 2) {
      matching.add(all.get(i));
    }
    Counting<Listed> index = new Counting<>(matching.iterator());
    Counting<Listed> walk = new Counting<>(all.iterator());

    List<Listed> page =
        PrefixSearch.first(
            PrefixSearch.Plan.RACE,
            26,
            Optional.empty(),
            index,
            walk,
            PrefixSearchTest::everyOtherId);

    assertThat(page).containsExactlyElementsOf(matching.subList(0, 26));
    assertThat(walk.steps).isEqualTo(51);
    assertThat(index.steps).isLessThanOrEqualTo(51);
  }

  private static boolean everyOtherId(Listed e) {
    return Integer.parseInt(e.sortId().substring(2)) % 2 == 0;
  }

  @Test
  void first_nothingMatches_returnsEmptyAfterTheShorterSource() {
    List<Listed> all = entries(1_000);
    Counting<Listed> walk = new Counting<>(all.iterator());

    List<Listed> page =
        PrefixSearch.first(
            PrefixSearch.Plan.RACE,
            26,
            Optional.empty(),
            Collections.<Listed>emptyIterator(),
            walk,
            e -> false);

    assertThat(page).isEmpty();
    assertThat(walk.steps).isZero();
  }

  /** Counts how many elements were taken. */
  private static final class Counting<T> implements Iterator<T> {
    private final Iterator<T> delegate;
    int steps;

    Counting(Iterator<T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public T next() {
      steps++;
      return delegate.next();
    }
  }
}
