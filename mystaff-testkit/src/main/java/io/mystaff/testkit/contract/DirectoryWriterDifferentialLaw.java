package io.mystaff.testkit.contract;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.contract.Differential.Outcome;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The differential law of {@link io.mystaff.spi.DirectoryWriter}: seeded random writes (current,
 * stale and future versions, unknown and synced users), outbox appends, drains and
 * acknowledgements, and reads in between, against the provider and the in-memory reference side by
 * side. Results must match field by field with versions aside; versions must strictly increase with
 * every write on each side.
 */
final class DirectoryWriterDifferentialLaw {
  static final String NAME = "differential_randomWritesAndOutboxDrains_matchReference";
  private static final int TENANTS = 5;
  private static final int OPERATIONS = 50;
  private static final List<PhoneType> PHONE_TYPES =
      List.of(PhoneType.MOBILE, PhoneType.ALTERNATE_MOBILE, PhoneType.OFFICE);

  static final List<Law<WritableDirectory, DirectoryWriterFeature>> ALL =
      List.of(
          Law.<WritableDirectory, DirectoryWriterFeature>of(
                  NAME, DirectoryWriterDifferentialLaw::run)
              .checking(
                  "seeded random phone and password writes (current, stale and future versions,"
                      + " unknown and synced users), outbox appends, drains of any size (negative"
                      + " too) and acknowledgements give what the in-memory reference gives, and"
                      + " every write raises the user's version"));

  private DirectoryWriterDifferentialLaw() {}

  /** One random operation, applied to one side with that side's own version bookkeeping. */
  private interface Op {
    Object apply(WritableDirectory side, Map<UserId, Long> versions) throws Exception;
  }

  private record Named(String what, boolean passwords, Op op) {}

  private static void run(Trial<WritableDirectory> t) throws Exception {
    boolean passwords = !t.lacks(DirectoryWriterFeature.SETS_PASSWORDS);
    for (int n = 0; n < TENANTS; n++) {
      Random r = t.random();
      Tenant tenant = Differential.randomTenant(r, false);
      WritableDirectory provider = t.subject(tenant);
      InMemoryDirectory ref = Differential.reference(tenant);
      WritableDirectory reference = WritableDirectory.of(ref);
      Map<UserId, Long> providerVersions = new HashMap<>();
      Map<UserId, Long> referenceVersions = new HashMap<>();
      List<String> eventIds = new ArrayList<>();
      for (int i = 0; i < OPERATIONS; i++) {
        Named op = next(r, tenant, eventIds, i);
        if (op.passwords() && !passwords) {
          continue;
        }
        Outcome expected = Outcome.of(() -> normalize(op.op().apply(reference, referenceVersions)));
        Outcome actual = Outcome.of(() -> normalize(op.op().apply(provider, providerVersions)));
        if (op.passwords()
            && actual.unsupported()
            && !t.claims(DirectoryWriterFeature.SETS_PASSWORDS)) {
          passwords = false;
          continue;
        }
        Optional<String> difference = Differential.difference(expected, actual);
        if (difference.isPresent()) {
          throw Differential.mismatch(NAME, t.seed(), n, i, op.what(), difference.get(), tenant);
        }
      }
    }
  }

  /** Users with their version set aside (checked for growth separately), lists element-wise. */
  private static Object normalize(Object result) {
    if (result instanceof User u) {
      return u.toBuilder().version(0).build();
    }
    if (result instanceof Optional<?> o) {
      return o.map(DirectoryWriterDifferentialLaw::normalize);
    }
    if (result instanceof List<?> l) {
      return l.stream().map(DirectoryWriterDifferentialLaw::normalize).toList();
    }
    return result;
  }

  /** Reads a user, checking that its version never went down since this side last saw it. */
  private static Optional<User> read(
      WritableDirectory side, Map<UserId, Long> versions, UserId id) {
    Optional<User> user = side.reader().findUser(id);
    user.ifPresent(u -> seen(versions, u, false));
    return user;
  }

  private static void seen(Map<UserId, Long> versions, User u, boolean written) {
    Long before = versions.get(u.id());
    if (before != null && (written ? u.version() <= before : u.version() < before)) {
      throw new AssertionError(
          "the version of "
              + u.id()
              + (written ? " did not increase with a write: " : " went down: ")
              + before
              + " then "
              + u.version());
    }
    versions.put(u.id(), u.version());
  }

  private static long version(
      WritableDirectory side, Map<UserId, Long> versions, UserId id, int mode) {
    long current = read(side, versions, id).map(User::version).orElse(0L);
    return switch (mode) {
      case 0 -> current + 1; // a version the user has not reached
      case 1 -> Math.max(0, current - 1); // stale, or current when at version 0
      default -> current;
    };
  }

  private static Named next(Random r, Tenant tenant, List<String> eventIds, int index) {
    UserId user = randomUser(r, tenant);
    int mode = r.nextInt(8); // 0 future, 1 stale, else current
    Instant at = DirectoryWriterFidelityLaws.MICROS.plusNanos(1_000L * r.nextInt(1_000_000));
    String eventId =
        String.format(Locale.ROOT, "ev-%s-%03d", Integer.toHexString(r.nextInt()), index);
    switch (r.nextInt(12)) {
      case 0, 1, 2, 3 -> {
        PhoneType type = PHONE_TYPES.get(r.nextInt(PHONE_TYPES.size()));
        Optional<PhoneNumber> number =
            r.nextInt(4) == 0
                ? Optional.empty()
                : Optional.of(PhoneNumber.of("+1425555" + (1000 + r.nextInt(9000))));
        eventIds.add(eventId);
        AuditEvent event = DirectoryWriterFidelityLaws.richEvent(eventId, user, at);
        return new Named(
            "setPhone("
                + user
                + ", mode "
                + mode
                + ", "
                + type
                + ", "
                + number
                + ", "
                + eventId
                + ")",
            false,
            (side, versions) -> {
              User written =
                  side.writer()
                      .setPhone(user, version(side, versions, user, mode), type, number, event);
              seen(versions, written, true);
              return written;
            });
      }
      case 4 -> {
        eventIds.add(eventId);
        // half of the password writes go to a synced user, whom every writer must refuse
        List<User> synced = tenant.users().stream().filter(User::isSynced).toList();
        UserId target =
            !synced.isEmpty() && r.nextBoolean() ? synced.get(r.nextInt(synced.size())).id() : user;
        AuditEvent event = ContractEvents.passwordReset(eventId, target);
        boolean force = r.nextBoolean();
        return new Named(
            "setPassword(" + target + ", mode " + mode + ", force " + force + ", " + eventId + ")",
            true,
            (side, versions) -> {
              User written =
                  side.writer()
                      .setPassword(
                          target,
                          version(side, versions, target, mode),
                          Secret.of("Zq7#vXw-9kTp$Lm2"),
                          force,
                          event);
              seen(versions, written, true);
              return written;
            });
      }
      case 5 -> {
        String id =
            !eventIds.isEmpty() && r.nextInt(3) == 0
                ? eventIds.get(r.nextInt(eventIds.size()))
                : eventId;
        if (id.equals(eventId)) {
          eventIds.add(eventId);
        }
        AuditEvent event = DirectoryWriterFidelityLaws.richEvent(id, user, at);
        return new Named(
            "appendAuditEvent(" + id + ")",
            false,
            (side, versions) -> {
              // appending an id that is pending stores nothing; one already acknowledged may be
              // stored again, which the reference does too
              side.writer().appendAuditEvent(event);
              return "appended";
            });
      }
      case 6, 7 -> {
        int max = r.nextInt(10) == 0 ? -1 - r.nextInt(3) : 1 + r.nextInt(8);
        return new Named(
            "pendingAuditEvents(" + max + ")",
            false,
            (side, versions) -> side.writer().pendingAuditEvents(max));
      }
      case 8 -> {
        List<String> ack = new ArrayList<>();
        for (String id : eventIds) {
          if (r.nextInt(3) == 0) {
            ack.add(id);
          }
        }
        ack.add("never-stored-" + index);
        return new Named(
            "acknowledgeAuditEvents(" + ack + ") then pendingAuditEvents(1000)",
            false,
            (side, versions) -> {
              side.writer().acknowledgeAuditEvents(ack);
              return side.writer().pendingAuditEvents(1_000);
            });
      }
      case 9 -> {
        UnitId unit = tenant.units().get(r.nextInt(tenant.units().size())).id();
        int size = Differential.pageSize(r);
        return new Named(
            "members(" + unit + ") walked in pages of " + size,
            false,
            (side, versions) ->
                DirectoryDifferentialLaw.walk(size, p -> side.reader().members(unit, p)));
      }
      default -> {
        return new Named(
            "findUser(" + user + ")", false, (side, versions) -> read(side, versions, user));
      }
    }
  }

  private static UserId randomUser(Random r, Tenant tenant) {
    if (tenant.users().isEmpty() || r.nextInt(15) == 0) {
      return ContractTenants.GHOST_USER;
    }
    return tenant.users().get(r.nextInt(tenant.users().size())).id();
  }

  static boolean unsupported(Exception e) {
    return e instanceof CapabilityNotSupportedException;
  }
}
