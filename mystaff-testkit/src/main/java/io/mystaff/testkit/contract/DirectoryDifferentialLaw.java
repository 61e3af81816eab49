package io.mystaff.testkit.contract;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.spi.Directory;
import io.mystaff.testkit.contract.Differential.Outcome;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The differential law of {@link Directory}: seeded random reads, paging walks and searches run
 * against the provider and against the in-memory reference holding the same random tenant; every
 * outcome must match (values field by field, order, errors by type and code).
 */
final class DirectoryDifferentialLaw {
  static final String NAME = "differential_randomReadsWalksAndSearches_matchReference";
  private static final int TENANTS = 8;
  private static final int OPERATIONS = 60;

  static final List<Law<Directory, DirectoryFeature>> ALL =
      List.of(
          Law.<Directory, DirectoryFeature>of(NAME, DirectoryDifferentialLaw::run)
              .checking(
                  "seeded random lookups, unit memberships, assignments, paging walks (any page"
                      + " size), searches and foreign cursors on random tenants with non-ASCII,"
                      + " mixed-case and equal names give what the in-memory reference gives;"
                      + " operations of optional features run unless declared absent"));

  private DirectoryDifferentialLaw() {}

  /** One random operation: a description for the report, and the call. */
  private record Op(
      String what, Optional<DirectoryFeature> needs, Function<Directory, Object> call) {
    static Op of(String what, Function<Directory, Object> call) {
      return new Op(what, Optional.empty(), call);
    }

    static Op of(String what, DirectoryFeature needs, Function<Directory, Object> call) {
      return new Op(what, Optional.of(needs), call);
    }
  }

  private static void run(Trial<Directory> t) throws Exception {
    Set<DirectoryFeature> unsupported = EnumSet.noneOf(DirectoryFeature.class);
    for (int n = 0; n < TENANTS; n++) {
      Random r = t.random();
      boolean dynamic = !t.lacks(DirectoryFeature.DYNAMIC_UNITS) && r.nextBoolean();
      Tenant tenant = Differential.randomTenant(r, dynamic);
      Directory provider;
      try {
        provider = t.subject(tenant);
      } catch (CapabilityNotSupportedException e) {
        if (!dynamic || t.claims(DirectoryFeature.DYNAMIC_UNITS)) {
          throw e;
        }
        tenant = Differential.randomTenant(r, false);
        provider = t.subject(tenant);
      }
      Directory subject = provider;
      Directory reference = Differential.reference(tenant);
      for (int i = 0; i < OPERATIONS; i++) {
        Op op = next(r, tenant);
        if (op.needs().isPresent()
            && (t.lacks(op.needs().get()) || unsupported.contains(op.needs().get()))) {
          continue;
        }
        Outcome expected = Outcome.of(() -> op.call().apply(reference));
        Outcome actual = Outcome.of(() -> op.call().apply(subject));
        if (actual.unsupported()
            && op.needs().isPresent()
            && !t.claims(op.needs().get())
            && !expected.unsupported()) {
          unsupported.add(op.needs().get());
          continue;
        }
        Optional<String> difference = Differential.difference(expected, actual);
        if (difference.isPresent()) {
          throw Differential.mismatch(NAME, t.seed(), n, i, op.what(), difference.get(), tenant);
        }
      }
    }
  }

  private static Op next(Random r, Tenant tenant) {
    UserId user = randomUser(r, tenant);
    UnitId unit = randomUnit(r, tenant);
    int size = Differential.pageSize(r);
    String query = Differential.query(r, tenant);
    return switch (r.nextInt(16)) {
      case 0 -> Op.of("findUser(" + user + ")", d -> d.findUser(user));
      case 1 -> Op.of("findUnit(" + unit + ")", d -> d.findUnit(unit));
      case 2 -> Op.of("unitsOf(" + user + ")", d -> d.unitsOf(user));
      case 3 -> Op.of("undecidedUnitsOf(" + user + ")", d -> d.undecidedUnitsOf(user));
      case 4 ->
          Op.of("assignmentsOf(" + user + ") as a set", d -> Set.copyOf(d.assignmentsOf(user)));
      case 5 ->
          Op.of(
              "isRoleAssignableGroupMember(" + user + ")",
              d -> d.isRoleAssignableGroupMember(user));
      case 6, 7 ->
          Op.of(
              "members(" + unit + ") walked in pages of " + size,
              d -> walk(size, p -> d.members(unit, p)));
      case 8, 9 ->
          Op.of(
              "searchUsers(\"" + query + "\") walked in pages of " + size,
              d -> walk(size, p -> d.searchUsers(query, p)));
      case 10 ->
          Op.of(
              "searchMembers(" + unit + ", \"" + query + "\") walked in pages of " + size,
              d -> walk(size, p -> d.searchMembers(unit, query, p)));
      case 11 ->
          Op.of(
              "searchUnits(\"" + query + "\") walked in pages of " + size,
              DirectoryFeature.SEARCHES_UNITS,
              d -> walk(size, p -> d.searchUnits(query, p)));
      case 12 ->
          Op.of(
              "allUsers walked in pages of " + size,
              DirectoryFeature.LISTS_ALL_USERS,
              d -> walk(size, d::allUsers));
      case 13 ->
          Op.of(
              "allUnits walked in pages of " + size,
              DirectoryFeature.LISTS_ALL_UNITS,
              d -> walk(size, d::allUnits));
      case 14 -> {
        UnitId other = randomUnit(r, tenant);
        yield Op.of(
            "members(" + other + ") given the first cursor of members(" + unit + ") in pages of 1",
            d ->
                d.members(unit, PageRequest.first(1))
                    .nextCursor()
                    .map(c -> d.members(other, PageRequest.after(c, 1)).items())
                    .orElse(List.of()));
      }
      default -> {
        List<UserId> some = new ArrayList<>();
        for (int k = r.nextInt(5); k >= 0; k--) {
          some.add(randomUser(r, tenant));
        }
        yield Op.of("userFactsOf(" + some + ")", d -> d.userFactsOf(some));
      }
    };
  }

  /** Every item of a listing, walked with the listing's own cursors. */
  static <T> List<T> walk(int size, Function<PageRequest, io.mystaff.api.Page<T>> listing) {
    List<T> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    Set<String> cursors = new HashSet<>();
    for (int pages = 0; pages < 10_000; pages++) {
      io.mystaff.api.Page<T> page = listing.apply(new PageRequest(size, cursor));
      all.addAll(page.items());
      if (page.nextCursor().isEmpty()) {
        return all;
      }
      if (!cursors.add(page.nextCursor().get())) {
        throw new AssertionError("the listing handed out the same cursor twice: it never ends");
      }
      cursor = page.nextCursor();
    }
    throw new AssertionError("the listing did not end after 10000 pages");
  }

  private static UserId randomUser(Random r, Tenant tenant) {
    if (tenant.users().isEmpty() || r.nextInt(12) == 0) {
      return ContractTenants.GHOST_USER;
    }
    return tenant.users().get(r.nextInt(tenant.users().size())).id();
  }

  private static UnitId randomUnit(Random r, Tenant tenant) {
    if (r.nextInt(12) == 0) {
      return ContractTenants.GHOST_UNIT;
    }
    List<AdministrativeUnit> units = tenant.units();
    return units.get(r.nextInt(units.size())).id();
  }

  static List<String> ids(List<User> users) {
    return Listings.ids(users);
  }
}
