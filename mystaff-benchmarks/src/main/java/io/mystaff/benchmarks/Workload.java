package io.mystaff.benchmarks;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic organization, generated deterministically from a seed, in a compact array form so
 * that a million users cost little before any engine or directory is built from it.
 *
 * <p>Users {@code [0, managers)} are managers (they hold the role assignments); the rest are staff,
 * who hold no role. Each user is a member of one "home" unit, some of a second one; the last {@code
 * dynamicUnits} units are dynamic, with the rule {@code user.department -eq "dept-k"}. A tenth of
 * the assignments are time-bound: a third active now, a third expired, a third not yet started.
 * Roles are drawn from the password-capable built-in roles, a reader role that grants nothing, and
 * one custom role that may reset passwords.
 */
public final class Workload {

  /** The two sizes the issue names. */
  public enum Scale {
    /** One small store chain: 1k users, 10 units. */
    SMALL_STORE(1_000, 10, 60, 0),
    /** A large tenant: 1M users, 10k units, 100k assignments, some dynamic units. */
    LARGE_TENANT(1_000_000, 10_000, 100_000, 100);

    final int users;
    final int units;
    final int assignments;
    final int dynamicUnits;

    Scale(int users, int units, int assignments, int dynamicUnits) {
      this.users = users;
      this.units = units;
      this.assignments = assignments;
      this.dynamicUnits = dynamicUnits;
    }
  }

  /** The instant every benchmark decides at. */
  public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  static final RoleId CUSTOM_RESET_ROLE = RoleId.of("custom-store-password-reset");
  static final int DEPARTMENTS = 1_000;
  static final int FIRST_NAME_COUNT = 64;
  static final int LAST_NAME_COUNT = 128;

  private static final String[] FIRST_NAMES = {
    "Aaliyah", "Adam", "Ahmed", "Aiko", "Alba", "Amir", "Anna", "Arjun", "Astrid", "Ben", "Carla",
    "Chen", "Clara", "Daniel", "Dara", "Elena", "Elif", "Emil", "Emma", "Farah", "Felix", "Grace",
    "Hana", "Hugo", "Ines", "Ivan", "Jana", "Jonas", "Julia", "Kai", "Kenji", "Lara", "Leon",
    "Lina", "Luca", "Maja", "Marco", "Maria", "Mateo", "Mia", "Nadia", "Nina", "Noah", "Omar",
    "Oskar", "Paula", "Priya", "Rafael", "Rosa", "Sami", "Sara", "Sofia", "Tariq", "Tess", "Theo",
    "Uma", "Vera", "Victor", "Wanda", "Xavier", "Yara", "Yusuf", "Zara", "Zoe",
  };

  private static final String[] LAST_NAMES = lastNames();

  private static final String[] CITIES = {
    "Aarhus",
    "Accra",
    "Athens",
    "Austin",
    "Bergen",
    "Bogota",
    "Bristol",
    "Cairo",
    "Calgary",
    "Cork",
    "Dakar",
    "Denver",
    "Dublin",
    "Durban",
    "Essen",
    "Faro",
    "Geneva",
    "Graz",
    "Hanoi",
    "Helsinki",
    "Izmir",
    "Jakarta",
    "Kyoto",
    "Lagos",
    "Leeds",
    "Lima",
    "Lyon",
    "Madrid",
    "Malmo",
    "Manila",
    "Nairobi",
    "Nantes",
    "Osaka",
    "Oslo",
    "Perth",
    "Porto",
    "Quito",
    "Riga",
    "Rome",
    "Seoul",
    "Seville",
    "Tallinn",
    "Tampere",
    "Toronto",
    "Turin",
    "Utrecht",
    "Valencia",
    "Vienna",
    "Warsaw",
    "Zurich",
  };

  private static final BuiltInRole[] ROLES = {
    BuiltInRole.HELPDESK_ADMINISTRATOR,
    BuiltInRole.PASSWORD_ADMINISTRATOR,
    BuiltInRole.USER_ADMINISTRATOR,
    BuiltInRole.AUTHENTICATION_ADMINISTRATOR,
    BuiltInRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
    // a role without reset or phone columns that Entra allows at unit scope (Global Reader is not)
    BuiltInRole.GROUPS_ADMINISTRATOR,
  };

  final Scale scale;
  final long seed;
  final int managers;
  final int[] homeUnit;
  final int[] secondUnit;
  final int[] department;
  final Map<Integer, List<RoleAssignment>> assignmentsByManager = new HashMap<>();
  final RoleCatalog catalog;

  private Workload(Scale scale, long seed) {
    this.scale = scale;
    this.seed = seed;
    Random r = new Random(seed);
    int n = scale.users;
    this.managers = Math.max(1, scale.assignments * 9 / 10);
    this.homeUnit = new int[n];
    this.secondUnit = new int[n];
    this.department = new int[n];
    int staticUnits = scale.units - scale.dynamicUnits;
    for (int i = 0; i < n; i++) {
      homeUnit[i] = r.nextInt(staticUnits);
      secondUnit[i] = r.nextInt(10) == 0 ? r.nextInt(staticUnits) : -1;
      department[i] = r.nextInt(DEPARTMENTS);
    }
    for (int a = 0; a < scale.assignments; a++) {
      int principal = a < managers ? a : r.nextInt(managers);
      RoleId role =
          r.nextInt(20) == 0 ? CUSTOM_RESET_ROLE : ROLES[r.nextInt(ROLES.length)].templateId();
      Scope scope =
          r.nextInt(1000) == 0 ? Scope.tenant() : Scope.unit(unitId(pickUnit(r, principal)));
      RoleAssignment ra =
          RoleAssignment.of(AssignmentId.of("a" + a), userId(principal), role, scope);
      if (r.nextInt(10) == 0) {
        ra =
            switch (r.nextInt(3)) {
              case 0 -> ra.during(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
              case 1 -> ra.during(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(1)));
              default -> ra.during(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10)));
            };
      }
      assignmentsByManager.computeIfAbsent(principal, k -> new ArrayList<>()).add(ra);
    }
    this.catalog =
        RoleCatalog.of(
            List.of(
                RoleDefinition.custom(
                    CUSTOM_RESET_ROLE,
                    "Store password reset",
                    Set.of(StaffAction.RESET_PASSWORD.resourceAction()))));
  }

  /** 128 distinct last names: syllable pairs, "Abberg" to "Wolvik". */
  private static String[] lastNames() {
    String[] heads = {
      "Ab", "Bran", "Cal", "Dur", "Eld", "Fen", "Gar", "Hol", "Isk", "Jor", "Kel", "Lun", "Mor",
      "Nor", "Ost", "Wol"
    };
    String[] tails = {"berg", "by", "dahl", "feld", "gaard", "holm", "strom", "vik"};
    String[] names = new String[LAST_NAME_COUNT];
    for (int i = 0; i < names.length; i++) {
      names[i] = heads[i / tails.length] + tails[i % tails.length];
    }
    return names;
  }

  /** A manager mostly administers their own home unit, sometimes any unit (dynamic ones too). */
  private int pickUnit(Random r, int principal) {
    return r.nextInt(4) == 0 ? r.nextInt(scale.units) : homeUnit[principal];
  }

  public static Workload generate(Scale scale, long seed) {
    return new Workload(scale, seed);
  }

  public int users() {
    return scale.users;
  }

  static UserId userId(int i) {
    return UserId.of("u" + i);
  }

  static UnitId unitId(int u) {
    return UnitId.of("unit" + u);
  }

  /**
   * User {@code i}'s display name, "First Last": one of {@value #FIRST_NAME_COUNT} first names and
   * {@value #LAST_NAME_COUNT} last names, drawn from {@code i} and the seed, so each first name is
   * shared by about 1/{@value #FIRST_NAME_COUNT} of the users.
   */
  String displayName(int i) {
    long h = mix(seed ^ i);
    return FIRST_NAMES[(int) ((h >>> 32) % FIRST_NAME_COUNT)]
        + " "
        + LAST_NAMES[(int) ((h & 0xffff_ffffL) % LAST_NAME_COUNT)];
  }

  /** User {@code i}'s principal name, {@code first.last.i@contoso.example} in lower case. */
  String userPrincipalName(int i) {
    return displayName(i).toLowerCase(Locale.ROOT).replace(' ', '.') + "." + i + "@contoso.example";
  }

  /** Every fourth staff user is synced from on-premises; managers and the rest are cloud-only. */
  boolean isSynced(int i) {
    return i >= managers && i % 4 == 3;
  }

  /** The department attribute that dynamic units' rules read. */
  String departmentOf(int i) {
    return "dept-" + department[i];
  }

  /**
   * Unit {@code u}'s display name: "Store u City" for assigned units, "Department k" for dynamic
   * ones.
   */
  String unitName(int u) {
    int k = dynamicDepartment(u);
    return k >= 0
        ? "Department " + k
        : "Store " + u + " " + CITIES[(int) ((mix(seed ^ ~u) >>> 1) % CITIES.length)];
  }

  /** A 64-bit finalizer (SplitMix64), so names do not depend on the generation order. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Whether unit {@code u} is dynamic, and if so which department its rule selects. */
  int dynamicDepartment(int u) {
    int first = scale.units - scale.dynamicUnits;
    return u >= first ? u - first : -1;
  }

  String dynamicRule(int u) {
    return "user.department -eq \"dept-" + dynamicDepartment(u) + "\"";
  }

  /** The units user {@code i} belongs to, dynamic ones included. */
  Set<UnitId> unitsOf(int i) {
    Set<UnitId> units = new LinkedHashSet<>();
    units.add(unitId(homeUnit[i]));
    if (secondUnit[i] >= 0) {
      units.add(unitId(secondUnit[i]));
    }
    if (department[i] < scale.dynamicUnits) {
      units.add(unitId(scale.units - scale.dynamicUnits + department[i]));
    }
    return units;
  }

  List<RoleAssignment> assignmentsOf(int i) {
    return assignmentsByManager.getOrDefault(i, List.of());
  }

  ActorFacts actor(int i) {
    return new ActorFacts(userId(i), assignmentsOf(i));
  }

  TargetFacts target(int i) {
    return new TargetFacts(userId(i), unitsOf(i), Set.of(), assignmentsOf(i), false);
  }

  /** One authorization question. */
  record Query(
      int actor, int target, ActorFacts actorFacts, StaffAction action, TargetFacts targetFacts) {}

  /**
   * Samples {@code count} questions from a managers-to-staff distribution: half the targets are
   * members of a unit one of the actor's assignments is scoped to, half are anyone.
   */
  Query[] sample(int count, long sampleSeed) {
    Random r = new Random(sampleSeed);
    int[][] staffOf = staffByUnit();
    Query[] queries = new Query[count];
    StaffAction[] actions = {StaffAction.RESET_PASSWORD, StaffAction.MANAGE_PHONES};
    for (int q = 0; q < count; q++) {
      int actor = r.nextInt(managers);
      int target = managers + r.nextInt(scale.users - managers);
      List<RoleAssignment> as = assignmentsOf(actor);
      if (r.nextBoolean()
          && !as.isEmpty()
          && as.get(r.nextInt(as.size())).scope() instanceof Scope.Unit u) {
        int[] staff = staffOf[Integer.parseInt(u.unit().value().substring(4))];
        if (staff.length > 0) {
          target = staff[r.nextInt(staff.length)];
        }
      }
      queries[q] =
          new Query(
              actor, target, actor(actor), actions[r.nextInt(actions.length)], target(target));
    }
    return queries;
  }

  /** For each unit, the staff (non-manager) users in it, dynamic membership included. */
  int[][] staffByUnit() {
    int[] counts = new int[scale.units];
    for (int i = managers; i < scale.users; i++) {
      for (UnitId u : unitsOf(i)) {
        counts[Integer.parseInt(u.value().substring(4))]++;
      }
    }
    int[][] members = new int[scale.units][];
    for (int u = 0; u < scale.units; u++) {
      members[u] = new int[counts[u]];
      counts[u] = 0;
    }
    for (int i = managers; i < scale.users; i++) {
      for (UnitId u : unitsOf(i)) {
        int k = Integer.parseInt(u.value().substring(4));
        members[k][counts[k]++] = i;
      }
    }
    return members;
  }
}
