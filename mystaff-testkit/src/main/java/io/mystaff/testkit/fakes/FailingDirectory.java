package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryWriter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A decorator over a {@link Directory} and its {@link DirectoryWriter} that makes chosen operations
 * throw {@link ProviderFailureException}, for fault-injection tests. An injected failure is thrown
 * before the wrapped provider is called, so it changes nothing (as the writer contract requires of
 * any call that throws). Operations not told to fail pass straight through.
 *
 * <p>Per operation, failures are injected always, for the next {@code n} calls, or while a
 * condition holds; calls and failures are counted per operation. Thread-safe if the wrapped
 * provider is.
 */
public final class FailingDirectory implements Directory, DirectoryWriter {
  /** The {@link ProviderFailureException#provider()} of every injected failure. */
  public static final String PROVIDER = "directory";

  /** The operations of {@link Directory} and {@link DirectoryWriter}, one per method. */
  public enum Operation {
    FIND_USER,
    FIND_UNIT,
    UNITS_OF,
    MEMBERS,
    ALL_USERS,
    SEARCH_USERS,
    SEARCH_UNITS,
    ASSIGNMENTS_OF,
    ROLES,
    IS_ROLE_ASSIGNABLE_GROUP_MEMBER,
    SET_PHONE,
    SET_PASSWORD,
    APPEND_AUDIT_EVENT,
    PENDING_AUDIT_EVENTS,
    ACKNOWLEDGE_AUDIT_EVENTS,
    /**
     * {@link Directory#searchMembers}.
     *
     * @since 0.1.0
     */
    SEARCH_MEMBERS,
    /**
     * {@link Directory#allUnits}.
     *
     * @since 0.1.0
     */
    ALL_UNITS;

    /** True for the operations of {@link DirectoryWriter}. */
    public boolean isWrite() {
      return compareTo(SET_PHONE) >= 0 && compareTo(ACKNOWLEDGE_AUDIT_EVENTS) <= 0;
    }
  }

  private final Directory directory;
  private final DirectoryWriter writer;
  private final Map<Operation, FaultPlan> plans = new EnumMap<>(Operation.class);

  /** The plan of {@code op}; the constructor made one for every operation. */
  private FaultPlan plan(Operation op) {
    return requireNonNull(plans.get(op), "plan");
  }

  private FailingDirectory(Directory directory, DirectoryWriter writer) {
    this.directory = directory;
    this.writer = writer;
    for (Operation op : Operation.values()) {
      plans.put(op, new FaultPlan());
    }
  }

  /** Wraps a provider that is both directory and writer. */
  public static <P extends Directory & DirectoryWriter> FailingDirectory wrapping(P provider) {
    return wrapping(provider, provider);
  }

  /** Wraps a directory and the writer of the same data. */
  public static FailingDirectory wrapping(Directory directory, DirectoryWriter writer) {
    return new FailingDirectory(
        requireNonNull(directory, "directory"), requireNonNull(writer, "writer"));
  }

  /**
   * Makes every call of {@code operations} (all operations if none are given) fail until {@link
   * #recover}.
   *
   * @return this decorator
   */
  public FailingDirectory failAlways(Operation... operations) {
    for (Operation op : orAll(operations)) {
      plan(op).failAlways();
    }
    return this;
  }

  /**
   * Makes the next {@code times} calls of {@code operation} fail, replacing an earlier countdown.
   *
   * @return this decorator
   * @throws IllegalArgumentException if {@code times} is negative
   */
  public FailingDirectory failNext(Operation operation, int times) {
    plan(requireNonNull(operation, "operation")).failNext(times);
    return this;
  }

  /**
   * Makes calls of {@code operation} fail while {@code condition} is true (evaluated on the calling
   * thread).
   *
   * @return this decorator
   */
  public FailingDirectory failWhile(Operation operation, BooleanSupplier condition) {
    plan(requireNonNull(operation, "operation")).failWhile(condition);
    return this;
  }

  /**
   * Stops injecting failures into {@code operations} (all operations if none are given); counts are
   * kept.
   *
   * @return this decorator
   */
  public FailingDirectory recover(Operation... operations) {
    for (Operation op : orAll(operations)) {
      plan(op).recover();
    }
    return this;
  }

  /** How many times {@code operation} was called, failed or not. */
  public long calls(Operation operation) {
    return plan(requireNonNull(operation, "operation")).attempts();
  }

  /** How many calls of {@code operation} failed by injection. */
  public long failures(Operation operation) {
    return plan(requireNonNull(operation, "operation")).failures();
  }

  @Override
  public Optional<User> findUser(UserId id) {
    return call(Operation.FIND_USER, () -> directory.findUser(id));
  }

  @Override
  public Optional<AdministrativeUnit> findUnit(UnitId id) {
    return call(Operation.FIND_UNIT, () -> directory.findUnit(id));
  }

  @Override
  public Set<UnitId> unitsOf(UserId user) {
    return call(Operation.UNITS_OF, () -> directory.unitsOf(user));
  }

  /** Fails with {@link Operation#UNITS_OF}: both read where the user stands among the units. */
  @Override
  public Set<UnitId> undecidedUnitsOf(UserId user) {
    return call(Operation.UNITS_OF, () -> directory.undecidedUnitsOf(user));
  }

  @Override
  public Page<User> members(UnitId unit, PageRequest page) {
    return call(Operation.MEMBERS, () -> directory.members(unit, page));
  }

  @Override
  public Page<User> allUsers(PageRequest page) {
    return call(Operation.ALL_USERS, () -> directory.allUsers(page));
  }

  @Override
  public Page<User> searchUsers(String query, PageRequest page) {
    return call(Operation.SEARCH_USERS, () -> directory.searchUsers(query, page));
  }

  @Override
  public Page<AdministrativeUnit> searchUnits(String query, PageRequest page) {
    return call(Operation.SEARCH_UNITS, () -> directory.searchUnits(query, page));
  }

  @Override
  public Page<User> searchMembers(UnitId unit, String query, PageRequest page) {
    return call(Operation.SEARCH_MEMBERS, () -> directory.searchMembers(unit, query, page));
  }

  @Override
  public Page<AdministrativeUnit> allUnits(PageRequest page) {
    return call(Operation.ALL_UNITS, () -> directory.allUnits(page));
  }

  @Override
  public List<RoleAssignment> assignmentsOf(UserId principal) {
    return call(Operation.ASSIGNMENTS_OF, () -> directory.assignmentsOf(principal));
  }

  @Override
  public RoleCatalog roles() {
    return call(Operation.ROLES, directory::roles);
  }

  @Override
  public boolean isRoleAssignableGroupMember(UserId user) {
    return call(
        Operation.IS_ROLE_ASSIGNABLE_GROUP_MEMBER,
        () -> directory.isRoleAssignableGroupMember(user));
  }

  @Override
  public User setPhone(
      UserId user,
      long expectedVersion,
      PhoneType type,
      Optional<PhoneNumber> number,
      AuditEvent event,
      CommitCondition condition) {
    return call(
        Operation.SET_PHONE,
        () -> writer.setPhone(user, expectedVersion, type, number, event, condition));
  }

  @Override
  public User setPassword(
      UserId user,
      long expectedVersion,
      Secret password,
      boolean forceChangeNextSignIn,
      AuditEvent event,
      CommitCondition condition) {
    return call(
        Operation.SET_PASSWORD,
        () ->
            writer.setPassword(
                user, expectedVersion, password, forceChangeNextSignIn, event, condition));
  }

  @Override
  public void appendAuditEvent(AuditEvent event) {
    call(
        Operation.APPEND_AUDIT_EVENT,
        () -> {
          writer.appendAuditEvent(event);
          return null;
        });
  }

  @Override
  public List<AuditEvent> pendingAuditEvents(int max) {
    return call(Operation.PENDING_AUDIT_EVENTS, () -> writer.pendingAuditEvents(max));
  }

  @Override
  public void acknowledgeAuditEvents(Collection<String> eventIds) {
    call(
        Operation.ACKNOWLEDGE_AUDIT_EVENTS,
        () -> {
          writer.acknowledgeAuditEvents(eventIds);
          return null;
        });
  }

  private <T> T call(Operation op, Supplier<T> delegateCall) {
    if (plan(op).attemptFails()) {
      throw new ProviderFailureException(PROVIDER, "injected failure in " + op);
    }
    return delegateCall.get();
  }

  private static Operation[] orAll(Operation[] operations) {
    for (Operation op : operations) {
      requireNonNull(op, "operation");
    }
    return operations.length == 0 ? Operation.values() : operations;
  }

  @Override
  public String toString() {
    return "FailingDirectory[" + directory + "]";
  }
}
