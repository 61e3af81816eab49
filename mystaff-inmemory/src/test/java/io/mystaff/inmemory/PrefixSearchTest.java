package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
      List<Listed> walk =
          after.isEmpty() ? all : all.subList(all.indexOf(after.get()) + 1, all.size());
      List<Listed> expected = walk.stream().filter(matching::contains).limit(wanted).toList();
      for (PrefixSearch.Plan plan : PrefixSearch.Plan.values()) {
        // the index first gathers its sources for a random number of steps, as a search does
        Indexed index =
            new Indexed(random.nextInt(200), walk.stream().filter(matching::contains).toList());
        assertThat(PrefixSearch.first(plan, wanted, index, walk.iterator(), matching::contains))
            .as("seed %s, round %s, plan %s", SEED, round, plan)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  @Test
  void first_manyMatchesLateInOrder_takesAPageFromTheIndexWithoutWalking() {
    List<Listed> all = entries(100_000);
    List<Listed> late = all.subList(90_000, 90_500); // a common first name late in the alphabet
    Indexed index = new Indexed(3, late);
    Counting<Listed> walk = new Counting<>(all.iterator());

    List<Listed> page =
        PrefixSearch.first(PrefixSearch.Plan.RACE, 26, index, walk, Set.copyOf(late)::contains);

    assertThat(page).containsExactlyElementsOf(late.subList(0, 26));
    assertThat(index.steps).isEqualTo(3 + 26);
    assertThat(walk.steps).isZero();
  }

  @Test
  void first_indexMustGatherVeryManyTerms_theWalkAnswersWhenMatchesAreDense() {
    List<Listed> all = entries(100_000);
    List<Listed> matching = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 2) {
      matching.add(all.get(i));
    }
    Indexed index = new Indexed(1_000_000, matching); // a one-letter query on unique terms
    Counting<Listed> walk = new Counting<>(all.iterator());

    List<Listed> page =
        PrefixSearch.first(PrefixSearch.Plan.RACE, 26, index, walk, PrefixSearchTest::everyOtherId);

    assertThat(page).containsExactlyElementsOf(matching.subList(0, 26));
    assertThat(walk.steps).isEqualTo(51);
    assertThat(index.steps).isLessThanOrEqualTo(26 + PrefixSearch.INDEX_HEAD_START + 51);
  }

  private static boolean everyOtherId(Listed e) {
    return Integer.parseInt(e.sortId().substring(2)) % 2 == 0;
  }

  @Test
  void first_nothingMatches_returnsEmptyWhenTheIndexEnds() {
    List<Listed> all = entries(1_000);
    Counting<Listed> walk = new Counting<>(all.iterator());

    List<Listed> page =
        PrefixSearch.first(PrefixSearch.Plan.RACE, 26, new Indexed(2, List.of()), walk, e -> false);

    assertThat(page).isEmpty();
    assertThat(walk.steps).isZero();
  }

  /** An index that gathers for some steps, then yields its matches one per step; counts steps. */
  private static final class Indexed implements PrefixSearch.InOrder<Listed> {
    private int gathering;
    private final Iterator<Listed> matches;
    int steps;

    Indexed(int gathering, List<Listed> matches) {
      this.gathering = gathering;
      this.matches = matches.iterator();
    }

    @Override
    public boolean step(List<? super Listed> out) {
      if (gathering > 0) {
        gathering--;
        steps++;
        return true;
      }
      if (!matches.hasNext()) {
        return false;
      }
      steps++;
      out.add(matches.next());
      return true;
    }
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
