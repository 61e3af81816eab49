package io.mystaff.testkit.contract;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * The machinery of the differential laws: random tenants that mix the names vendors get wrong, the
 * in-memory reference ({@code mystaff-inmemory}, which the testkit depends on, so a vendor's test
 * passes nothing but its own factory), and the comparison of one operation's outcome on both.
 */
final class Differential {
  private static final String[] SYLLABLES = {
    "an",
    "Ann",
    "\u00C9mi",
    "bo",
    "BOB",
    "li",
    "L\u00E9e",
    "zo\u00EB",
    "\uD83D\uDE00",
    "\uFF21l",
    "\u03C3i",
    "\u4E00",
    "ste"
  };

  /** Characters of 2 to 4 UTF-8 bytes that long names and ids are made of (1 or 2 chars each). */
  private static final String[] LONG_CHARS = {"\u00E9", "\u4E00", "\uD840\uDC00"};

  private Differential() {}

  /** A fresh in-memory directory holding {@code tenant}: the reference every result must match. */
  static InMemoryDirectory reference(Tenant tenant) {
    InMemoryDirectory.Builder b = Fixtures.inMemoryDirectoryBuilder(tenant);
    if (Boolean.getBoolean("mystaff.passwordHash.allowWeakForTests")) {
      b.passwordHashIterations(1); // the reference's hash cost changes no observable result
    }
    return b.build();
  }

  /**
   * A random tenant of up to 30 users in up to 4 assigned units (and, if {@code dynamic}, a dynamic
   * unit by department), with names from syllables that mix case, accents, supplementary and
   * fullwidth characters, ids that differ only in case, some names and ids of 240 characters of 2-
   * to 4-byte characters, seeded versions, phones and groups.
   */
  static Tenant randomTenant(Random r, boolean dynamic) {
    Tenant.Builder b = Tenant.builder();
    int unitCount = 1 + r.nextInt(4);
    for (int i = 0; i < unitCount; i++) {
      b.unit(AdministrativeUnit.assigned(UnitId.of("unit-" + i), word(r) + " " + word(r)));
    }
    if (dynamic) {
      b.unit(
          AdministrativeUnit.dynamic(
              UnitId.of("dyn"), word(r) + " Sales", "user.department -eq \"Sales\""));
    }
    int userCount = 1 + r.nextInt(30);
    for (int i = 0; i < userCount; i++) {
      boolean isLong = r.nextInt(6) == 0;
      UserId id = UserId.of((isLong ? longText(r, 240) : "") + (r.nextInt(4) == 0 ? "U" : "u") + i);
      String name =
          isLong
              ? longText(r, 240) + " " + word(r)
              : r.nextInt(5) == 0 ? word(r) : word(r) + " " + word(r);
      User.Builder u =
          User.builder()
              .id(id)
              .displayName(name)
              .userPrincipalName(ascii(word(r)).toLowerCase(Locale.ROOT) + i + "@contoso.example")
              .version(r.nextInt(3) == 0 ? r.nextInt(1_000) : 0)
              .attribute("department", r.nextBoolean() ? "Sales" : "Ops");
      if (r.nextInt(4) == 0) {
        u.source(UserSource.SYNCED_FROM_ON_PREMISES).onPremisesSamAccountName("sam" + i);
      }
      if (r.nextInt(3) == 0) {
        u.phone(
            PhoneType.MOBILE, PhoneNumber.of("+1425555" + String.format(Locale.ROOT, "%04d", i)));
      }
      if (r.nextInt(5) == 0) {
        u.group(io.mystaff.api.GroupId.of("g" + r.nextInt(3)));
      }
      b.user(u.build());
      for (int k = 0; k < unitCount; k++) {
        if (r.nextInt(10) < 4) {
          b.member(UnitId.of("unit-" + k), id);
        }
      }
    }
    return b.build();
  }

  /** {@code chars} UTF-16 units of one character that takes 2 to 4 bytes in UTF-8. */
  private static String longText(Random r, int chars) {
    String c = LONG_CHARS[r.nextInt(LONG_CHARS.length)];
    return c.repeat(chars / c.length());
  }

  private static String word(Random r) {
    String w =
        SYLLABLES[r.nextInt(SYLLABLES.length)]
            + (r.nextBoolean() ? "" : SYLLABLES[r.nextInt(SYLLABLES.length)]);
    return r.nextInt(3) == 0 ? w.toUpperCase(Locale.ROOT) : w;
  }

  private static String ascii(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().filter(c -> c < 128 && Character.isLetter(c)).forEach(out::appendCodePoint);
    return out.length() == 0 ? "x" : out.toString();
  }

  /**
   * A query likely to match: a prefix, cut between characters, of a display name, a word of it or a
   * principal name, in random case; trimmed, as core passes it.
   */
  static String query(Random r, Tenant tenant) {
    if (tenant.users().isEmpty() || r.nextInt(8) == 0) {
      String w = word(r);
      return w.substring(0, w.offsetByCodePoints(0, 1)); // never half a surrogate pair
    }
    User user = tenant.users().get(r.nextInt(tenant.users().size()));
    String[] words = user.displayName().split(" ", -1);
    String term =
        switch (r.nextInt(3)) {
          case 0 -> user.displayName();
          case 1 -> words[r.nextInt(words.length)];
          default -> user.userPrincipalName();
        };
    if (term.isEmpty()) {
      return "a";
    }
    int points = term.codePointCount(0, term.length());
    String prefix = term.substring(0, term.offsetByCodePoints(0, 1 + r.nextInt(points))).trim();
    String cased =
        switch (r.nextInt(3)) {
          case 0 -> prefix.toUpperCase(Locale.ROOT);
          case 1 -> prefix.toLowerCase(Locale.ROOT);
          default -> prefix;
        };
    return cased.isEmpty() ? "a" : cased;
  }

  /** A page size: mostly small, so that walks cross many page boundaries. */
  static int pageSize(Random r) {
    return r.nextInt(6) == 0 ? PageRequest.MAX_SIZE : 1 + r.nextInt(4);
  }

  /** What one operation did: returned a value, or threw. */
  record Outcome(Optional<Object> value, Optional<Exception> error) {
    static Outcome of(Callable<?> call) {
      try {
        return new Outcome(
            Optional.of(Objects.requireNonNull(call.call(), "a null result")), Optional.empty());
      } catch (Exception e) {
        return new Outcome(Optional.empty(), Optional.of(e));
      }
    }

    boolean unsupported() {
      return error.isPresent() && error.get() instanceof CapabilityNotSupportedException;
    }

    String shape() {
      return error.map(e -> "threw " + describe(e)).orElse("returned a value");
    }
  }

  private static String describe(Exception e) {
    return e instanceof MyStaffException m
        ? e.getClass().getSimpleName() + " (" + m.code() + ")"
        : e.getClass().getName();
  }

  /**
   * The first difference between the reference's outcome and the provider's, if any: a different
   * value (named by its first differing field), or an error of a different type or code.
   */
  static Optional<String> difference(Outcome reference, Outcome provider) {
    if (reference.error().isPresent() || provider.error().isPresent()) {
      if (reference.error().isPresent() && provider.error().isPresent()) {
        Exception e = reference.error().get();
        Exception a = provider.error().get();
        if (e.getClass() == a.getClass()
            && (!(e instanceof MyStaffException me)
                || me.code() == ((MyStaffException) a).code())) {
          return Optional.empty();
        }
      }
      return Optional.of(
          "the reference " + reference.shape() + " but the provider " + provider.shape());
    }
    Object e = reference.value().orElseThrow();
    Object a = provider.value().orElseThrow();
    return FieldDiff.first(e, a)
        .map(
            path ->
                "results differ at " + (path.isEmpty() ? "the result itself" : "result" + path));
  }

  /** A failure naming where a differential run parted from the reference. */
  static AssertionError mismatch(
      String law,
      long seed,
      int tenant,
      int index,
      String operation,
      String difference,
      Tenant subject) {
    return new AssertionError(
        law
            + ": operation #"
            + index
            + " of random tenant #"
            + tenant
            + " (law seed "
            + seed
            + "), "
            + operation
            + ": "
            + difference
            + "; tenant "
            + subject);
  }

  /** A list of things as a list, for comparing listings item by item. */
  static <T> List<T> list(Iterable<T> items) {
    List<T> out = new ArrayList<>();
    items.forEach(out::add);
    return out;
  }
}
