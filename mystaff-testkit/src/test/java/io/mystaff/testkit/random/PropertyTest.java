package io.mystaff.testkit.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PropertyTest {
  private static int ints(Random r) {
    return r.nextInt(1000);
  }

  @Test
  void forAll_holdingProperty_runsEveryIteration() {
    List<Integer> seen = new ArrayList<>();
    Property.forAll(1L, 50, PropertyTest::ints, seen::add);
    assertThat(seen).hasSize(50);
  }

  @Test
  void forAll_sameSeed_sameCases() {
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();
    Property.forAll(9L, 20, PropertyTest::ints, first::add);
    Property.forAll(9L, 20, PropertyTest::ints, second::add);
    assertThat(first).isEqualTo(second);
  }

  @Test
  void forAll_failingCase_propertyFailureNamingSeedIterationAndCase() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(
                    77L, 1_000, PropertyTest::ints, i -> assertThat(i).isLessThan(990)));

    assertThat(failure.seed()).isEqualTo(77L);
    assertThat(failure.getMessage())
        .contains(
            "seed 77",
            "iteration " + failure.iteration() + " of 1000",
            failure.iterationSeed() + "L",
            Seeds.replayFlag(Seeds.base()),
            "case: ")
        .contains("to be less than");
    assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
  }

  @Test
  void replay_failingIterationSeed_sameCaseFailsAgain() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(
                    77L, 1_000, PropertyTest::ints, i -> assertThat(i).isLessThan(990)));
    List<Integer> replayed = new ArrayList<>();

    assertThatThrownBy(
            () ->
                Property.replay(
                    failure.iterationSeed(),
                    PropertyTest::ints,
                    i -> {
                      replayed.add(i);
                      assertThat(i).isLessThan(990);
                    }))
        .isInstanceOf(PropertyFailure.class)
        .hasMessageContaining("replayed case");
    assertThat(replayed).singleElement().satisfies(i -> assertThat(i).isGreaterThanOrEqualTo(990));
  }

  @Test
  void forAll_runtimeExceptionInCheck_wrappedWithSeed() {
    assertThatThrownBy(
            () ->
                Property.forAll(
                    5L,
                    3,
                    PropertyTest::ints,
                    i -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(PropertyFailure.class)
        .hasMessageContaining("seed 5")
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void forAll_negativeIterations_illegalArgument() {
    assertThatThrownBy(() -> Property.forAll(1L, -1, PropertyTest::ints, i -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
