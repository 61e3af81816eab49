package io.mystaff.membership;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.directory.User;
import io.mystaff.membership.RuleExpression.And;
import io.mystaff.membership.RuleExpression.Comparison;
import io.mystaff.membership.RuleExpression.Not;
import io.mystaff.membership.RuleExpression.Or;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Many rules, indexed by the values they require, so that each user is matched only against the
 * rules that can match it: for loading many users into many dynamic units at once.
 *
 * <p>A rule is indexed when it can only hold for users whose value of some string property is one
 * of a few: {@code user.department -eq "Sales"}, {@code user.city -in ["Oslo", "Bergen"]}, a
 * conjunction with such an operand ({@code (user.department -eq "Sales") -and (user.jobTitle
 * -startsWith "Lead")}), a disjunction of such rules, and their negated twins ({@code -not
 * (user.department -ne "Sales")}). Every other rule (ranges of text, regular expressions, {@code
 * null}, booleans, negations of those) is a candidate for every user.
 *
 * <p>The promise, for every user: a rule that is not a {@linkplain #addCandidates candidate}
 * {@linkplain MembershipRule#evaluate evaluates} to {@link RuleOutcome#NO_MATCH}. So evaluating
 * only the candidates gives exactly the outcomes of evaluating every rule. Values are compared as
 * the rules compare them, ignoring case.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <K> what the caller calls each rule by (a unit, say)
 * @since 0.2.0
 */
public final class RuleIndex<K> {
  private static final int[] NONE = new int[0];

  private final List<K> keys;

  /** The rules that are candidates for every user, by position in {@link #keys}, ascending. */
  private final int[] everywhere;

  /** The indexed properties. */
  private final RuleProperty[] properties;

  /** For each indexed property, its folded values and the rules requiring each, ascending. */
  private final List<Map<String, int[]>> byValue;

  private RuleIndex(
      List<K> keys, int[] everywhere, RuleProperty[] properties, List<Map<String, int[]>> byValue) {
    this.keys = keys;
    this.everywhere = everywhere;
    this.properties = properties;
    this.byValue = byValue;
  }

  /**
   * Indexes {@code rules}.
   *
   * @param rules the rules, by key; {@link #addCandidates} adds keys in this map's iteration order
   * @throws NullPointerException if {@code rules}, a key or a rule is null
   */
  public static <K> RuleIndex<K> of(Map<K, MembershipRule> rules) {
    requireNonNull(rules, "rules");
    List<K> keys = new ArrayList<>(rules.size());
    List<Integer> everywhere = new ArrayList<>();
    Map<RuleProperty, Map<String, List<Integer>>> requiring = new LinkedHashMap<>();
    for (Map.Entry<K, MembershipRule> entry : rules.entrySet()) {
      int position = keys.size();
      keys.add(requireNonNull(entry.getKey(), "key"));
      Map<RuleProperty, Set<String>> required =
          required(requireNonNull(entry.getValue(), "rule").expression(), true);
      if (required == null) {
        everywhere.add(position);
        continue;
      }
      required.forEach(
          (property, values) -> {
            Map<String, List<Integer>> rulesByValue =
                requiring.computeIfAbsent(property, p -> new HashMap<>());
            for (String value : values) {
              rulesByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(position);
            }
          });
    }
    RuleProperty[] properties = new RuleProperty[requiring.size()];
    List<Map<String, int[]>> byValue = new ArrayList<>(properties.length);
    for (Map.Entry<RuleProperty, Map<String, List<Integer>>> entry : requiring.entrySet()) {
      properties[byValue.size()] = entry.getKey();
      Map<String, int[]> positions = new HashMap<>();
      entry.getValue().forEach((value, list) -> positions.put(value, toArray(list)));
      byValue.add(Map.copyOf(positions));
    }
    return new RuleIndex<>(
        List.copyOf(keys), toArray(everywhere), properties, List.copyOf(byValue));
  }

  /**
   * Adds to {@code candidates} the key of every rule that may match {@code user} or be undecided
   * for it, once each, in the order the rules were given; every other rule evaluates to {@link
   * RuleOutcome#NO_MATCH} for {@code user}.
   *
   * @throws NullPointerException if {@code user} or {@code candidates} is null
   */
  public void addCandidates(User user, Collection<? super K> candidates) {
    requireNonNull(user, "user");
    requireNonNull(candidates, "candidates");
    int[] found = NONE;
    int[] more = null;
    for (int i = 0; i < properties.length; i++) {
      Optional<String> value = properties[i].readString(user);
      if (value.isEmpty()) {
        continue;
      }
      int[] positions = byValue.get(i).get(RuleCompiler.fold(value.get()));
      if (positions == null) {
        continue;
      }
      if (found.length == 0) {
        found = positions;
      } else {
        more = more == null ? concat(found, positions) : concat(more, positions);
      }
    }
    if (more != null) {
      found = distinctSorted(more);
    }
    // merge the two ascending runs
    int i = 0;
    int j = 0;
    while (i < everywhere.length || j < found.length) {
      int next;
      if (j == found.length || (i < everywhere.length && everywhere[i] < found[j])) {
        next = everywhere[i++];
      } else {
        next = found[j++];
      }
      candidates.add(keys.get(next));
    }
  }

  /** The number of rules that are candidates for every user: those not indexed. */
  public int unindexedCount() {
    return everywhere.length;
  }

  /**
   * The values of properties of which a user needs one (ignoring case) for {@code expression} to be
   * {@code positive ? MATCH : NO_MATCH}; null if there is no such small set. Comparisons on strings
   * are always decided, so a user without any of these values makes a comparison, and through
   * Kleene's logic the whole expression, the opposite (never undecided).
   */
  private static @Nullable Map<RuleProperty, Set<String>> required(
      RuleExpression expression, boolean positive) {
    if (expression instanceof Comparison c) {
      RuleOperator operator = positive ? c.operator() : c.operator().negated();
      if ((operator != RuleOperator.EQ && operator != RuleOperator.IN)
          || !(c.values().get(0) instanceof RuleValue.Text)) {
        return null;
      }
      Set<String> values = new HashSet<>();
      for (RuleValue value : c.values()) {
        values.add(RuleCompiler.fold(((RuleValue.Text) value).value()));
      }
      return Map.of(c.property(), values);
    }
    if (expression instanceof Not n) {
      return required(n.operand(), !positive);
    }
    boolean and = expression instanceof And;
    List<RuleExpression> operands =
        and ? ((And) expression).operands() : ((Or) expression).operands();
    // "a -and b" holds only where a does (or b does); "a -or b" only where a or b does; negated,
    // the other way round (De Morgan holds in Kleene's logic)
    return and == positive ? fewest(operands, positive) : union(operands, positive);
  }

  /** The smallest requirement of any operand, or null if none has one. */
  private static @Nullable Map<RuleProperty, Set<String>> fewest(
      List<RuleExpression> operands, boolean positive) {
    Map<RuleProperty, Set<String>> best = null;
    for (RuleExpression operand : operands) {
      Map<RuleProperty, Set<String>> required = required(operand, positive);
      if (required != null && (best == null || size(required) < size(best))) {
        best = required;
      }
    }
    return best;
  }

  /** Every operand's requirement together, or null if one has none. */
  private static @Nullable Map<RuleProperty, Set<String>> union(
      List<RuleExpression> operands, boolean positive) {
    Map<RuleProperty, Set<String>> all = new HashMap<>();
    for (RuleExpression operand : operands) {
      Map<RuleProperty, Set<String>> required = required(operand, positive);
      if (required == null) {
        return null;
      }
      required.forEach((p, values) -> all.computeIfAbsent(p, k -> new HashSet<>()).addAll(values));
    }
    return all;
  }

  private static int size(Map<RuleProperty, Set<String>> required) {
    int size = 0;
    for (Set<String> values : required.values()) {
      size += values.size();
    }
    return size;
  }

  private static int[] toArray(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int[] distinctSorted(int[] positions) {
    int[] sorted = positions.clone();
    Arrays.sort(sorted);
    int n = 0;
    for (int p : sorted) {
      if (n == 0 || sorted[n - 1] != p) {
        sorted[n++] = p;
      }
    }
    return Arrays.copyOf(sorted, n);
  }
}
