package io.mystaff.testkit.contract;

import java.util.ArrayList;
import java.util.List;

/** Joins the law lists of one suite. */
final class Laws {
  private Laws() {}

  @SafeVarargs
  static <S, F extends Enum<F>> List<Law<S, F>> concat(List<Law<S, F>>... lists) {
    List<Law<S, F>> all = new ArrayList<>();
    for (List<Law<S, F>> l : lists) {
      all.addAll(l);
    }
    return List.copyOf(all);
  }
}
