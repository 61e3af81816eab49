package io.mystaff.api.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link User#attributes()} is a compact map that behaves as the unmodifiable view of a
 * case-insensitive {@link TreeMap} did: each law is checked against that model on seeded random
 * attribute sets (the seed and the case are in every failure message).
 */
// SortedMap is what User.attributes() was and is; the casts and comparisons with keys of other
// types are the laws under test.
@SuppressWarnings({"JdkObsolete", "EqualsIncompatibleType", "CollectionIncompatibleType"})
class AttributesTest {
  private static final List<String> NAMES =
      List.of("department", "jobTitle", "city", "country", "companyName", "employeeId", "a", "z");

  /** A random attribute set: 0 to 5 names of the pool in random case, values possibly shared. */
  private static Map<String, String> randomAttributes(Random r) {
    Map<String, String> in = new LinkedHashMap<>();
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      String name = randomCase(r, NAMES.get(r.nextInt(NAMES.size())));
      in.put(name, r.nextInt(3) == 0 ? "" : "v" + r.nextInt(4));
    }
    return in;
  }

  private static String randomCase(Random r, String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return b.toString();
  }

  /** What {@code User} held before: the unmodifiable view of a case-insensitive tree. */
  private static SortedMap<String, String> model(Map<String, String> in) {
    TreeMap<String, String> tree = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    tree.putAll(in);
    return Collections.unmodifiableSortedMap(tree);
  }

  private static Map<String, String> built(Map<String, String> in) {
    return User.builder()
        .id(new UserId("u1"))
        .userPrincipalName("u1@contoso.example")
        .displayName("U One")
        .attributes(in)
        .build()
        .attributes();
  }

  @Test
  void behavesAsTheUnmodifiableTree_onSeededRandomAttributes() {
    long seed = 0x13_0013L;
    Random r = new Random(seed);
    for (int round = 0; round < 2_000; round++) {
      Map<String, String> in = randomAttributes(r);
      String why = "seed " + seed + ", round " + round + ", attributes " + in;
      SortedMap<String, String> model = model(in);
      Map<String, String> map = built(in);

      assertThat(map).as(why).isInstanceOf(SortedMap.class);
      SortedMap<String, String> sorted = (SortedMap<String, String>) map;
      assertThat(sorted.comparator()).as(why).isSameAs(String.CASE_INSENSITIVE_ORDER);
      // equality and hash code both ways, with the tree and with an unordered map
      assertThat(map.equals(model)).as(why).isTrue();
      assertThat(model.equals(map)).as(why).isTrue();
      assertThat(map.equals(new HashMap<>(model))).as(why).isTrue();
      assertThat(new HashMap<>(model).equals(map)).as(why).isTrue();
      assertThat(map.hashCode()).as(why).isEqualTo(model.hashCode());
      assertThat(map.toString()).as(why).isEqualTo(model.toString());
      assertThat(map.size()).as(why).isEqualTo(model.size());
      assertThat(map.isEmpty()).as(why).isEqualTo(model.isEmpty());
      // iteration order of every view
      assertThat(new ArrayList<>(map.keySet())).as(why).isEqualTo(new ArrayList<>(model.keySet()));
      assertThat(new ArrayList<>(map.values())).as(why).isEqualTo(new ArrayList<>(model.values()));
      assertThat(new ArrayList<>(map.entrySet()))
          .as(why)
          .isEqualTo(new ArrayList<>(model.entrySet()));
      assertThat(map.keySet()).as(why).isEqualTo(model.keySet());
      assertThat(map.entrySet()).as(why).isEqualTo(model.entrySet());
      assertThat(map.entrySet().hashCode()).as(why).isEqualTo(model.entrySet().hashCode());
      List<String> visited = new ArrayList<>();
      map.forEach((k, v) -> visited.add(k + "=" + v));
      List<String> expected = new ArrayList<>();
      model.forEach((k, v) -> expected.add(k + "=" + v));
      assertThat(visited).as(why).isEqualTo(expected);
      // look-ups in any case, of present and absent names
      for (String name : NAMES) {
        for (String probe :
            List.of(name, name.toUpperCase(Locale.ROOT), randomCase(r, name), name + "x")) {
          assertThat(map.get(probe)).as(why + ", get " + probe).isEqualTo(model.get(probe));
          assertThat(map.containsKey(probe)).as(why).isEqualTo(model.containsKey(probe));
          assertThat(map.keySet().contains(probe)).as(why).isEqualTo(model.containsKey(probe));
          assertThat(map.getOrDefault(probe, "-"))
              .as(why)
              .isEqualTo(model.getOrDefault(probe, "-"));
        }
      }
      for (String value : List.of("", "v0", "v1", "v2", "v3", "v9")) {
        assertThat(map.containsValue(value)).as(why).isEqualTo(model.containsValue(value));
        assertThat(map.values().contains(value)).as(why).isEqualTo(model.containsValue(value));
      }
      // the sorted views
      if (model.isEmpty()) {
        assertThatThrownBy(sorted::firstKey).as(why).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(sorted::lastKey).as(why).isInstanceOf(NoSuchElementException.class);
      } else {
        assertThat(sorted.firstKey()).as(why).isEqualTo(model.firstKey());
        assertThat(sorted.lastKey()).as(why).isEqualTo(model.lastKey());
      }
      String from = randomCase(r, NAMES.get(r.nextInt(NAMES.size())));
      String to = randomCase(r, NAMES.get(r.nextInt(NAMES.size())));
      assertThat(sorted.headMap(to)).as(why).isEqualTo(model.headMap(to));
      assertThat(sorted.tailMap(from)).as(why).isEqualTo(model.tailMap(from));
      if (String.CASE_INSENSITIVE_ORDER.compare(from, to) <= 0) {
        assertThat(new ArrayList<>(sorted.subMap(from, to).keySet()))
            .as(why)
            .isEqualTo(new ArrayList<>(model.subMap(from, to).keySet()));
      } else {
        assertThatThrownBy(() -> sorted.subMap(from, to))
            .as(why)
            .isInstanceOf(IllegalArgumentException.class);
      }
      // a copy made with toBuilder keeps the same attributes
      assertThat(built(map)).as(why).isEqualTo(model);
    }
  }

  @Test
  void everyMutatorThrows_evenWhenItWouldChangeNothing() {
    for (Map<String, String> in :
        List.of(
            Map.<String, String>of(),
            Map.of("department", "Sales"),
            Map.of("department", "Sales", "city", "Oslo", "country", "NO"))) {
      Map<String, String> map = built(in);
      List<Consumer<Map<String, String>>> mutators =
          List.of(
              m -> m.put("department", "Sales"),
              m -> m.remove("department"),
              m -> m.remove("absent"),
              m -> m.remove("department", "Sales"),
              m -> m.putAll(Map.of()),
              Map::clear,
              m -> m.replaceAll((k, v) -> v),
              m -> m.putIfAbsent("department", "x"),
              m -> m.replace("department", "x"),
              m -> m.replace("department", "Sales", "x"),
              m -> m.computeIfAbsent("department", k -> "x"),
              m -> m.computeIfPresent("absent", (k, v) -> "x"),
              m -> m.compute("department", (k, v) -> v),
              m -> m.merge("department", "x", (a, b) -> a),
              m -> m.keySet().remove("department"),
              m -> m.keySet().clear(),
              m -> m.keySet().removeIf(k -> true),
              m -> m.values().remove("Sales"),
              m -> m.values().clear(),
              m -> m.entrySet().clear(),
              m -> m.entrySet().removeIf(e -> true),
              m -> m.entrySet().iterator().remove(),
              m -> m.keySet().add("x"),
              m -> ((SortedMap<String, String>) m).headMap("zzz").clear());
      for (int i = 0; i < mutators.size(); i++) {
        Consumer<Map<String, String>> mutator = mutators.get(i);
        assertThatThrownBy(() -> mutator.accept(map))
            .as("mutator %d on %s", i, in)
            .isInstanceOf(UnsupportedOperationException.class);
      }
      if (!map.isEmpty()) {
        Map.Entry<String, String> entry = map.entrySet().iterator().next();
        assertThatThrownBy(() -> entry.setValue("x"))
            .isInstanceOf(UnsupportedOperationException.class);
      }
      assertThat(map).isEqualTo(model(in));
    }
  }

  @Test
  void lookupsOfWhatNoNameCanBe_failAsTheTreeDid() {
    Map<String, String> one = built(Map.of("department", "Sales"));
    Map<String, String> many = built(Map.of("department", "Sales", "city", "Oslo"));
    Map<String, String> none = built(Map.of());
    for (Map<String, String> map : List.of(one, many)) {
      SortedMap<String, String> model = model(map);
      assertThatThrownBy(() -> model.get(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> map.get(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> map.containsKey(null)).isInstanceOf(NullPointerException.class);
      Object notAString = 42;
      assertThatThrownBy(() -> model.get(notAString)).isInstanceOf(ClassCastException.class);
      assertThatThrownBy(() -> map.get(notAString)).isInstanceOf(ClassCastException.class);
      assertThat(map.equals(Map.of(1, 2))).isFalse();
      assertThat(map.equals(null)).isFalse();
      assertThat(map.equals(List.of())).isFalse();
    }
    // an empty tree compares nothing, so it answers null
    assertThat(model(Map.of()).get(null)).isNull();
    assertThat(none.get(null)).isNull();
    assertThat(none.containsKey(42)).isFalse();
    assertThat(none).isEqualTo(Map.of()).hasSameHashCodeAs(Map.of());
    assertThat(none.toString()).isEqualTo("{}");
  }

  @Test
  void theMapIsACopy_laterChangesToTheInputDoNotShow() {
    Map<String, String> in = new HashMap<>(Map.of("department", "Sales"));
    User user =
        User.builder()
            .id(new UserId("u1"))
            .userPrincipalName("u1@contoso.example")
            .displayName("U One")
            .attributes(in)
            .build();
    in.put("city", "Oslo");
    assertThat(user.attributes()).containsExactly(Map.entry("department", "Sales"));
  }

  @Test
  void ofRejectsAMapNotOrderedCaseInsensitively() {
    assertThatThrownBy(() -> Attributes.of(new TreeMap<>(Map.of("a", "1"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
