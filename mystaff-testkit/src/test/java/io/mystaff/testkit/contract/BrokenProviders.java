package io.mystaff.testkit.contract;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserType;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.core.password.EntraPasswordPolicy;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.InMemoryWritebackJournal;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import io.mystaff.spi.AuditSink;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.CursorCodec;
import io.mystaff.spi.PasswordPolicy;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.UserFacts;
import io.mystaff.spi.UserNotification;
import io.mystaff.spi.WritebackJournal;
import io.mystaff.spi.WritebackListener;
import io.mystaff.spi.WritebackRequest;
import io.mystaff.testkit.fakes.RecordingUserNotifier;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DynamicContainer;

/**
 * Deliberately broken providers, one realistic vendor bug each, across every SPI: the measure of
 * the contract suites. {@link BrokenProvidersTest} runs each one's suite and fails the build if a
 * single one passes, or passes the laws named as the ones that catch it.
 */
final class BrokenProviders {
  /**
   * One broken provider.
   *
   * @param spi the SPI it implements
   * @param name a short name
   * @param bug the mistake, as a vendor would make it
   * @param caughtBy laws that must fail for it (at least one)
   * @param suite the contract suite run against it
   */
  record Broken(
      String spi,
      String name,
      String bug,
      Set<String> caughtBy,
      Supplier<DynamicContainer> suite) {}

  private BrokenProviders() {}

  // ---------------------------------------------------------------------------------------------
  // Bases: working providers that broken ones change in one place.

  /** The in-memory reference with a cheap password hash (the self-test hashes a lot). */
  static InMemoryDirectory inMemory(Tenant tenant) {
    return Fixtures.inMemoryDirectoryBuilder(tenant).passwordHashIterations(1_000).build();
  }

  private static Broken directory(
      String name, String bug, Set<String> caughtBy, Function<Tenant, ForwardingDirectory> make) {
    return new Broken(
        "Directory",
        name,
        bug,
        caughtBy,
        () ->
            DirectoryTestSuiteBuilder.using(make::apply)
                .named(name)
                .withFeatures(
                    DirectoryFeature.SEARCHES_UNITS,
                    DirectoryFeature.DYNAMIC_UNITS,
                    DirectoryFeature.CUSTOM_ROLES,
                    DirectoryFeature.ROLE_ASSIGNABLE_GROUPS,
                    DirectoryFeature.LISTS_ALL_UNITS)
                .build());
  }

  private static Broken writer(
      String name, String bug, Set<String> caughtBy, Function<Tenant, ForwardingDirectory> make) {
    return new Broken(
        "DirectoryWriter",
        name,
        bug,
        caughtBy,
        () ->
            DirectoryWriterTestSuiteBuilder.using(
                    tenant -> {
                      ForwardingDirectory d = make.apply(tenant);
                      return new WritableDirectory(d, d)
                          .verifyingPasswordsWith(d.delegate::verifyPassword);
                    })
                .named(name)
                .withFeatures(
                    DirectoryWriterFeature.SETS_PASSWORDS,
                    DirectoryWriterFeature.VERIFIES_PASSWORDS)
                .build());
  }

  private static Broken sink(
      String name, String bug, Set<String> caughtBy, UnaryOperator<AuditEvent> store) {
    return new Broken(
        "AuditSink",
        name,
        bug,
        caughtBy,
        () ->
            AuditSinkTestSuiteBuilder.using(
                    tenant -> {
                      InMemoryAuditLog log = new InMemoryAuditLog();
                      AuditSink sink = event -> log.record(store.apply(event));
                      return new ReadableAuditSink(sink, log::all);
                    })
                .named(name)
                .withFeatures(AuditSinkFeature.values())
                .build());
  }

  /** A simulated writeback whose submit a broken one replaces. */
  interface Submit {
    CompletionStage<WritebackResult> submit(
        SimulatedOnPremisesWriteback delegate,
        WritebackRequest request,
        WritebackListener listener);
  }

  private static Broken writeback(String name, String bug, Set<String> caughtBy, Submit submit) {
    return new Broken(
        "PasswordWriteback",
        name,
        bug,
        caughtBy,
        () ->
            PasswordWritebackTestSuiteBuilder.using(
                    tenant -> {
                      SimulatedOnPremisesWriteback delegate =
                          SimulatedOnPremisesWriteback.builder()
                              .policy(ActiveDirectoryPasswordPolicy.defaults())
                              .knownUsers(tenant.users().stream().filter(User::isSynced).toList())
                              .hashIterations(1_000)
                              .build();
                      return new BrokenWriteback(delegate, submit);
                    })
                .named(name)
                .withFeatures(
                    PasswordWritebackFeature.REPORTS_PROGRESS,
                    PasswordWritebackFeature.READS_HISTORY)
                .withTimeout(java.time.Duration.ofSeconds(2))
                .build());
  }

  private record BrokenWriteback(SimulatedOnPremisesWriteback delegate, Submit submit)
      implements PasswordWriteback, AutoCloseable {
    @Override
    public CompletionStage<WritebackResult> submit(
        WritebackRequest request, WritebackListener listener) {
      return submit.submit(delegate, request, listener);
    }

    @Override
    public PasswordHistory historyOf(UserId user) {
      return delegate.historyOf(user);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  private static Broken policy(
      String name, String bug, Set<String> caughtBy, UnaryOperator<PasswordPolicy> breakIt) {
    return new Broken(
        "PasswordPolicy",
        name,
        bug,
        caughtBy,
        () ->
            PasswordPolicyTestSuiteBuilder.using(
                    tenant -> breakIt.apply(EntraPasswordPolicy.standard()))
                .named(name)
                .minimumLength(EntraPasswordPolicy.MIN_LENGTH)
                .withFeatures(PasswordPolicyFeature.values())
                .build());
  }

  private static Broken notifier(
      String name,
      String bug,
      Set<String> caughtBy,
      Function<RecordingUserNotifier, io.mystaff.spi.UserNotifier> breakIt) {
    return new Broken(
        "UserNotifier",
        name,
        bug,
        caughtBy,
        () ->
            UserNotifierTestSuiteBuilder.using(
                    tenant -> {
                      RecordingUserNotifier n = RecordingUserNotifier.create();
                      return new ReadableUserNotifier(breakIt.apply(n), n::notifications);
                    })
                .named(name)
                .withFeatures(UserNotifierFeature.values())
                .build());
  }

  /** Makes the journals of one broken store, over a working in-memory store. */
  interface Journals {
    /**
     * The store's next journal.
     *
     * @param fresh a new working instance on the store (the first one for the first journal)
     * @param first the store's first working instance
     * @param outbox where the working store keeps its final events
     */
    WritebackJournal make(
        InMemoryWritebackJournal fresh, InMemoryWritebackJournal first, InMemoryDirectory outbox);
  }

  private static Broken journal(
      String name, String bug, Set<String> caughtBy, Supplier<Journals> perStore) {
    return new Broken(
        "WritebackJournal",
        name,
        bug,
        caughtBy,
        () ->
            WritebackJournalTestSuiteBuilder.using(
                    tenant -> {
                      InMemoryDirectory outbox = inMemory(tenant);
                      InMemoryWritebackJournal first =
                          InMemoryWritebackJournal.create(outbox, Clock.systemUTC());
                      Journals journals = perStore.get();
                      int[] made = {0};
                      return new WritebackJournalStore(
                          () ->
                              journals.make(
                                  made[0]++ == 0 ? first : first.sharingStore(), first, outbox),
                          () -> outbox.pendingAuditEvents(Integer.MAX_VALUE));
                    })
                .named(name)
                .build());
  }

  /** A journal that forwards every call; broken ones override one. */
  static class ForwardingJournal implements WritebackJournal {
    final WritebackJournal delegate;

    ForwardingJournal(WritebackJournal delegate) {
      this.delegate = delegate;
    }

    @Override
    public void submitted(AuditEvent pending, AuditEvent ifAbandoned, Duration lease) {
      delegate.submitted(pending, ifAbandoned, lease);
    }

    @Override
    public void progressed(CorrelationId writeback, WritebackStatus status) {
      delegate.progressed(writeback, status);
    }

    @Override
    public boolean finished(AuditEvent finalEvent) {
      return delegate.finished(finalEvent);
    }

    @Override
    public List<CorrelationId> takeOverExpired() {
      return delegate.takeOverExpired();
    }

    @Override
    public WritebackStatus status(CorrelationId writeback) {
      return delegate.status(writeback);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Listings a vendor builds by hand over a sorted copy.

  /**
   * Users sorted the way a store with a UTF-16 collation sorts them: lower-cased, then by UTF-16
   * units ({@link String#compareTo}; Java's case-insensitive order compares code points since JDK
   * 16, so it would not show the bug).
   */
  static final Comparator<User> UTF16_ORDER =
      Comparator.comparing((User u) -> u.displayName().toLowerCase(java.util.Locale.ROOT))
          .thenComparing(u -> u.id().value());

  /** Pages {@code all} with cursors that name the listing and the last id (correctly keyed). */
  static Page<User> codecPage(
      CursorCodec codec, String listing, List<User> all, PageRequest request) {
    int from = 0;
    if (request.cursor().isPresent()) {
      String lastId = codec.decode(listing, request.cursor().get(), id -> Optional.empty()).id();
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).id().value().equals(lastId)) {
          from = i + 1;
        }
      }
    }
    return codec.page(
        listing,
        all.subList(from, all.size()).iterator(),
        request.size(),
        io.mystaff.spi.DirectoryOrder::keyOf);
  }

  /** Pages {@code all} with cursors that are the plain offset: any listing accepts them. */
  static Page<User> offsetPage(List<User> all, PageRequest request) {
    int from =
        request
            .cursor()
            .map(
                c ->
                    Integer.parseInt(
                        new String(Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8)))
            .orElse(0);
    int to = Math.min(all.size(), from + request.size());
    Optional<String> next =
        to < all.size()
            ? Optional.of(
                Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8)))
            : Optional.empty();
    return new Page<>(all.subList(Math.min(from, all.size()), to), next);
  }

  /** Pages {@code all} with cursors holding the listing, name and id as plain UTF-8. */
  static Page<User> verbosePage(String listing, List<User> all, PageRequest request) {
    int from = 0;
    if (request.cursor().isPresent()) {
      String raw =
          new String(Base64.getUrlDecoder().decode(request.cursor().get()), StandardCharsets.UTF_8);
      String[] parts = raw.split("\u0000", -1);
      if (parts.length != 3 || !parts[0].equals(listing)) {
        throw InvalidInputException.of("page cursor", "is not a cursor of this listing");
      }
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).id().value().equals(parts[2])) {
          from = i + 1;
        }
      }
    }
    int to = Math.min(all.size(), from + request.size());
    Optional<String> next = Optional.empty();
    if (to < all.size()) {
      User last = all.get(to - 1);
      next =
          Optional.of(
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(
                      (listing + "\u0000" + last.displayName() + "\u0000" + last.id().value())
                          .getBytes(StandardCharsets.UTF_8)));
    }
    return new Page<>(all.subList(from, to), next);
  }

  static List<User> every(Function<PageRequest, Page<User>> listing) {
    return DirectoryDifferentialLaw.walk(PageRequest.MAX_SIZE, listing);
  }

  // ---------------------------------------------------------------------------------------------
  // The catalog.

  static final String DIRECTORY_DIFF = DirectoryDifferentialLaw.NAME;
  static final String WRITER_DIFF = DirectoryWriterDifferentialLaw.NAME;
  static final String SINK_DIFF = AuditSinkFidelityLaws.DIFFERENTIAL;

  static List<Broken> all() {
    List<Broken> all = new ArrayList<>();
    all.addAll(directories());
    all.addAll(writers());
    all.addAll(sinks());
    all.addAll(writebacks());
    all.addAll(policies());
    all.addAll(notifiers());
    all.addAll(journals());
    all.addAll(approvalStores());
    return List.copyOf(all);
  }

  private static Broken approvalStore(
      String name, String bug, Set<String> caughtBy, SloppyApprovalStore.Mistake mistake) {
    return new Broken(
        "ApprovalStore",
        name,
        bug,
        caughtBy,
        () ->
            ApprovalStoreTestSuiteBuilder.using(
                    tenant -> new SloppyApprovalStore(java.util.Optional.of(mistake)))
                .named(name)
                .build());
  }

  static List<Broken> approvalStores() {
    return List.of(
        approvalStore(
            "approvalCheckThenSet",
            "reads the request, checks its state and writes the next one without a lock or a"
                + " conditional write, so two racing approvals both win",
            Set.of(
                "transition_racingThreads_exactlyOneWinner",
                "expireDue_racingCalls_eachExpiredOnce"),
            SloppyApprovalStore.Mistake.CHECK_THEN_SET),
        approvalStore(
            "approvalExpiresLate",
            "expires a request only once the clock is past its expiry (now > expiresAt), a"
                + " nanosecond late at the exact instant",
            Set.of("expireDue_atTheExpiryInstant_expiresExactlyTheDueOnes"),
            SloppyApprovalStore.Mistake.EXPIRES_LATE),
        approvalStore(
            "approvalOffsetCursor",
            "pages the pending requests by offset, so deciding a request already seen skips one"
                + " not yet seen",
            Set.of("pending_decidedBetweenPages_laterPagesUnshifted"),
            SloppyApprovalStore.Mistake.OFFSET_CURSOR),
        approvalStore(
            "approvalAnyTransition",
            "trusts the caller's transition: an expired request can still be approved, an"
                + " executed one rejected, and a request's target swapped",
            Set.of("transition_illegalMove_typedErrorUnchanged"),
            SloppyApprovalStore.Mistake.ANY_TRANSITION));
  }

  static List<Broken> directories() {
    return List.of(
        directory(
            "utf16Order",
            "sorts listings by the lower-cased name in UTF-16 units (String.compareTo), as a store"
                + " with a UTF-16 collation does",
            Set.of("listings_nonAsciiMixedCaseAndEqualNames_directoryOrderByCodePoint"),
            t -> {
              CursorCodec codec = CursorCodec.withRandomKey();
              return new ForwardingDirectory(inMemory(t)) {
                @Override
                public Page<User> members(UnitId unit, PageRequest page) {
                  List<User> all =
                      every(p -> delegate.members(unit, p)).stream().sorted(UTF16_ORDER).toList();
                  return codecPage(codec, "m:" + unit.value(), all, page);
                }

                @Override
                public Page<User> searchUsers(String query, PageRequest page) {
                  List<User> all =
                      every(p -> delegate.searchUsers(query, p)).stream()
                          .sorted(UTF16_ORDER)
                          .toList();
                  return codecPage(codec, "s:" + query, all, page);
                }
              };
            }),
        directory(
            "verboseCursors",
            "cursors hold the listing, display name and id as plain UTF-8 in base64: long"
                + " non-ASCII names make them longer than PageRequest accepts",
            Set.of("cursors_longNonAsciiNamesAndIds_withinPageRequestLimit", DIRECTORY_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Page<User> members(UnitId unit, PageRequest page) {
                    List<User> all = every(p -> delegate.members(unit, p));
                    return verbosePage("m:" + unit.value(), all, page);
                  }
                }),
        directory(
            "offsetCursors",
            "cursors are the plain offset, so every listing accepts every other's cursor",
            Set.of("cursors_fromAnotherListingOrAltered_throwInvalidInput", DIRECTORY_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Page<User> members(UnitId unit, PageRequest page) {
                    if (delegate.findUnit(unit).isEmpty()) {
                      return delegate.members(unit, page);
                    }
                    return offsetPage(every(p -> delegate.members(unit, p)), page);
                  }

                  @Override
                  public Page<User> searchUsers(String query, PageRequest page) {
                    return offsetPage(every(p -> delegate.searchUsers(query, p)), page);
                  }
                }),
        directory(
            "groupsDropped",
            "the user table has no column for groups: users read back without them",
            Set.of("findUser_everyField_roundTripsExactly"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Optional<User> findUser(UserId id) {
                    return delegate.findUser(id).map(u -> u.toBuilder().groups(Set.of()).build());
                  }
                }),
        directory(
            "seededVersionsReset",
            "the loader inserts every seeded user at version 1",
            Set.of("findUser_everyField_roundTripsExactly"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Optional<User> findUser(UserId id) {
                    return delegate.findUser(id).map(u -> u.toBuilder().version(1).build());
                  }
                }),
        directory(
            "unitDescriptionDropped",
            "the unit table has no description column",
            Set.of("findUnit_everyField_roundTripsExactly"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Optional<AdministrativeUnit> findUnit(UnitId id) {
                    return delegate
                        .findUnit(id)
                        .map(
                            u ->
                                new AdministrativeUnit(
                                    u.id(),
                                    u.displayName(),
                                    Optional.empty(),
                                    u.membershipType(),
                                    u.membershipRule(),
                                    u.restrictedManagement()));
                  }
                }),
        directory(
            "attributesDropped",
            "extension attributes are not mapped back onto users",
            Set.of("findUser_everyField_roundTripsExactly"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Optional<User> findUser(UserId id) {
                    return delegate
                        .findUser(id)
                        .map(u -> u.toBuilder().attributes(Map.of()).build());
                  }
                }),
        directory(
            "phoneExtensionDropped",
            "phones are stored as one E.164 column: extensions are lost",
            Set.of("findUser_everyField_roundTripsExactly"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Optional<User> findUser(UserId id) {
                    return delegate.findUser(id).map(BrokenProviders::withoutExtensions);
                  }
                }),
        directory(
            "guestTypeDropped",
            "userType is not stored: guests read back as members",
            Set.of("findUser_everyField_roundTripsExactly"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Optional<User> findUser(UserId id) {
                    return delegate
                        .findUser(id)
                        .map(u -> u.toBuilder().userType(UserType.MEMBER).build());
                  }
                }),
        directory(
            "assignmentWindowInSeconds",
            "assignment windows are stored in a column without fractional seconds",
            Set.of("assignmentsOf_everyField_roundTripsExactly"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public List<RoleAssignment> assignmentsOf(UserId principal) {
                    return delegate.assignmentsOf(principal).stream()
                        .map(
                            a ->
                                new RoleAssignment(
                                    a.id(),
                                    a.principal(),
                                    a.role(),
                                    a.scope(),
                                    a.start().map(s -> s.truncatedTo(ChronoUnit.SECONDS)),
                                    a.end().map(s -> s.truncatedTo(ChronoUnit.SECONDS)),
                                    a.kind()))
                        .toList();
                  }
                }),
        directory(
            "eligibleAsActive",
            "the assignment kind is not stored: eligible assignments read back as active",
            Set.of("assignmentsOf_everyField_roundTripsExactly"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public List<RoleAssignment> assignmentsOf(UserId principal) {
                    return delegate.assignmentsOf(principal).stream()
                        .map(
                            a ->
                                new RoleAssignment(
                                    a.id(),
                                    a.principal(),
                                    a.role(),
                                    a.scope(),
                                    a.start(),
                                    a.end(),
                                    io.mystaff.api.authz.AssignmentKind.ACTIVE))
                        .toList();
                  }
                }),
        directory(
            "searchWithoutPrincipalName",
            "searchUsers matches display names only, not user principal names",
            Set.of(
                "searchUsers_prefixOfNameWordOrPrincipalName_matchesInDirectoryOrder",
                DIRECTORY_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  final CursorCodec codec = CursorCodec.withRandomKey();

                  @Override
                  public Page<User> searchUsers(String query, PageRequest page) {
                    List<User> all =
                        every(p -> delegate.searchUsers(query, p)).stream()
                            .filter(u -> Listings.nameMatches(u.displayName(), query))
                            .toList();
                    return codecPage(codec, "s:" + query, all, page);
                  }
                }),
        directory(
            "emptyPageAfterLast",
            "the last full page still carries a cursor, to an empty page",
            Set.of("members_emptyUnit_oneEmptyLastPage"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Page<User> members(UnitId unit, PageRequest page) {
                    Page<User> p = delegate.members(unit, page);
                    if (p.items().isEmpty() && page.cursor().isEmpty()) {
                      return new Page<>(List.of(), Optional.of("ZW5k"));
                    }
                    return p;
                  }
                }),
        directory(
            "pageOneTooLarge",
            "LIMIT size + 1 to look ahead, and the extra row is returned too",
            Set.of("members_everyPageSize_allMembersInDirectoryOrderOnce"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Page<User> members(UnitId unit, PageRequest page) {
                    if (page.size() >= PageRequest.MAX_SIZE) {
                      return delegate.members(unit, page);
                    }
                    Page<User> wider =
                        delegate.members(unit, new PageRequest(page.size() + 1, page.cursor()));
                    Page<User> asked = delegate.members(unit, page);
                    return new Page<>(wider.items(), asked.nextCursor());
                  }
                }),
        directory(
            "unknownUnitEmpty",
            "members of an unknown unit is an empty page instead of UnknownUnitException",
            Set.of("members_unknownUnit_throwsUnknownUnit", DIRECTORY_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Page<User> members(UnitId unit, PageRequest page) {
                    return delegate.findUnit(unit).isEmpty()
                        ? Page.last(List.of())
                        : delegate.members(unit, page);
                  }
                }),
        directory(
            "unitsOfFirstOnly",
            "unitsOf returns the first membership row only",
            Set.of("unitsOf_everyUser_theUnitsTheyWerePlacedIn"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Set<UnitId> unitsOf(UserId user) {
                    return delegate.unitsOf(user).stream()
                        .sorted(Comparator.comparing(UnitId::value))
                        .limit(1)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
                  }
                }),
        directory(
            "unitSearchCaseSensitive",
            "searchUnits uses LIKE, which is case-sensitive in the vendor's collation",
            Set.of("searchUnits_prefixOfNameOrWord_matchesInDirectoryOrder"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Page<AdministrativeUnit> searchUnits(String query, PageRequest page) {
                    Page<AdministrativeUnit> p = delegate.searchUnits(query, page);
                    return new Page<>(
                        p.items().stream()
                            .filter(
                                u ->
                                    u.displayName().startsWith(query)
                                        || java.util.Arrays.stream(u.displayName().split(" "))
                                            .anyMatch(w -> w.startsWith(query)))
                            .toList(),
                        p.nextCursor());
                  }
                }),
        directory(
            "searchHidesDisabled",
            "searchUsers filters on accountEnabled, hiding disabled users",
            Set.of("searchUsers_prefixOfNameWordOrPrincipalName_matchesInDirectoryOrder"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Page<User> searchUsers(String query, PageRequest page) {
                    Page<User> p = delegate.searchUsers(query, page);
                    return new Page<>(
                        p.items().stream().filter(User::accountEnabled).toList(), p.nextCursor());
                  }
                }),
        directory(
            "userFactsSkipsUnknown",
            "the bulk userFactsOf leaves unknown users out of the map instead of UserFacts.NONE",
            Set.of(DIRECTORY_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Map<UserId, UserFacts> userFactsOf(Collection<UserId> users) {
                    Map<UserId, UserFacts> facts = new HashMap<>(delegate.userFactsOf(users));
                    facts.keySet().removeIf(u -> delegate.findUser(u).isEmpty());
                    return Map.copyOf(facts);
                  }
                }),
        directory(
            "displayNameTrimmed",
            "display names are trimmed and whitespace-collapsed on insert",
            Set.of(DIRECTORY_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public Optional<User> findUser(UserId id) {
                    return delegate
                        .findUser(id)
                        .map(
                            u ->
                                u.toBuilder()
                                    .displayName(u.displayName().toLowerCase(java.util.Locale.ROOT))
                                    .build());
                  }
                }));
  }

  static User withoutExtensions(User u) {
    User.Builder b = u.toBuilder();
    u.phones().forEach((type, number) -> b.phone(type, PhoneNumber.of(number.e164())));
    return b.build();
  }

  static List<Broken> writers() {
    return List.of(
        writer(
            "syncedPasswordAccepted",
            "setPassword does not check the user's source: a synced user's cloud password is set",
            Set.of("setPassword_syncedUser_throwsInvalidInputAndChangesNothing", WRITER_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public User setPassword(
                      UserId user,
                      long expectedVersion,
                      Secret password,
                      boolean force,
                      AuditEvent event,
                      CommitCondition condition) {
                    Optional<User> current = delegate.findUser(user);
                    if (current.isPresent()
                        && current.get().isSynced()
                        && current.get().version() == expectedVersion) {
                      User stored =
                          delegate.putUser(
                              current.get().toBuilder()
                                  .forceChangePasswordNextSignIn(force)
                                  .build());
                      delegate.appendAuditEvent(event);
                      return stored;
                    }
                    return super.setPassword(
                        user, expectedVersion, password, force, event, condition);
                  }
                }),
        writer(
            "negativeMaxLeaksStoreError",
            "pendingAuditEvents passes max to LIMIT unchecked: the database's error leaks",
            Set.of("pendingAuditEvents_negativeMax_throwsInvalidInput", WRITER_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public List<AuditEvent> pendingAuditEvents(int max) {
                    if (max < 0) {
                      throw new IllegalStateException(
                          "ERROR: LIMIT must not be negative (SQLSTATE 2201W)");
                    }
                    return super.pendingAuditEvents(max);
                  }
                }),
        writer(
            "passwordNeverStored",
            "setPassword raises the version and stores the event, but the hash update hits no row",
            Set.of("setPassword_newPassword_storedAndOnlyItVerifies"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public User setPassword(
                      UserId user,
                      long expectedVersion,
                      Secret password,
                      boolean force,
                      AuditEvent event,
                      CommitCondition condition) {
                    User current =
                        delegate.findUser(user).orElseThrow(() -> new UnknownUserException(user));
                    if (current.isSynced() || current.version() != expectedVersion) {
                      return super.setPassword(
                          user, expectedVersion, password, force, event, condition);
                    }
                    condition.verify(delegate);
                    User stored =
                        delegate.putUser(
                            current.toBuilder().forceChangePasswordNextSignIn(force).build());
                    delegate.appendAuditEvent(event);
                    return stored;
                  }
                }),
        writer(
            "outboxOrderedById",
            "pendingAuditEvents orders by event id (ORDER BY id) instead of commit order",
            Set.of("outbox_idsAndTimesOutOfOrder_pendingInCommitOrder"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public List<AuditEvent> pendingAuditEvents(int max) {
                    if (max < 0) {
                      return super.pendingAuditEvents(max);
                    }
                    return super.pendingAuditEvents(Integer.MAX_VALUE).stream()
                        .sorted(Comparator.comparing(AuditEvent::id))
                        .limit(Math.max(0, max))
                        .toList();
                  }
                }),
        writer(
            "outboxOrderedByTime",
            "pendingAuditEvents orders by activityDateTime instead of commit order",
            Set.of("outbox_idsAndTimesOutOfOrder_pendingInCommitOrder", WRITER_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public List<AuditEvent> pendingAuditEvents(int max) {
                    if (max < 0) {
                      return super.pendingAuditEvents(max);
                    }
                    return super.pendingAuditEvents(Integer.MAX_VALUE).stream()
                        .sorted(Comparator.comparing(AuditEvent::activityDateTime))
                        .limit(Math.max(0, max))
                        .toList();
                  }
                }),
        writer(
            "outboxTimesInSeconds",
            "the outbox's time column has no fractional seconds",
            Set.of("outbox_everyFieldAndMicroseconds_readBackExactly", WRITER_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public List<AuditEvent> pendingAuditEvents(int max) {
                    return super.pendingAuditEvents(max).stream()
                        .map(e -> withTime(e, e.activityDateTime().truncatedTo(ChronoUnit.SECONDS)))
                        .toList();
                  }
                }),
        writer(
            "outboxFirstTargetOnly",
            "the outbox stores one target column: further targets are lost",
            Set.of("outbox_everyFieldAndMicroseconds_readBackExactly", WRITER_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public List<AuditEvent> pendingAuditEvents(int max) {
                    return super.pendingAuditEvents(max).stream()
                        .map(e -> withTargets(e, e.targets().subList(0, 1)))
                        .toList();
                  }
                }),
        writer(
            "setPhoneDropsGroups",
            "setPhone rewrites the user row from a projection without groups",
            Set.of("setPhone_everyOtherField_keptExactly", WRITER_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public User setPhone(
                      UserId user,
                      long expectedVersion,
                      PhoneType type,
                      Optional<PhoneNumber> number,
                      AuditEvent event,
                      CommitCondition condition) {
                    User written =
                        super.setPhone(user, expectedVersion, type, number, event, condition);
                    return delegate.putUser(written.toBuilder().groups(Set.of()).build());
                  }
                }),
        writer(
            "setPhoneDropsExtension",
            "setPhone stores the E.164 number and forgets the extension",
            Set.of("setPhone_everyOtherField_keptExactly"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public User setPhone(
                      UserId user,
                      long expectedVersion,
                      PhoneType type,
                      Optional<PhoneNumber> number,
                      AuditEvent event,
                      CommitCondition condition) {
                    return super.setPhone(
                        user,
                        expectedVersion,
                        type,
                        number.map(n -> PhoneNumber.of(n.e164())),
                        event,
                        condition);
                  }
                }),
        writer(
            "futureVersionAccepted",
            "the compare-and-set is WHERE version <= ?, so a version never read is accepted",
            Set.of("setPhone_futureVersion_throwsStaleAndChangesNothing", WRITER_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public User setPhone(
                      UserId user,
                      long expectedVersion,
                      PhoneType type,
                      Optional<PhoneNumber> number,
                      AuditEvent event,
                      CommitCondition condition) {
                    long current =
                        delegate.findUser(user).map(User::version).orElse(expectedVersion);
                    return super.setPhone(
                        user,
                        expectedVersion > current ? current : expectedVersion,
                        type,
                        number,
                        event,
                        condition);
                  }
                }),
        writer(
            "forceChangeAlwaysOn",
            "setPassword always sets forceChangePasswordNextSignIn",
            Set.of("setPassword_newPassword_storedAndOnlyItVerifies"),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public User setPassword(
                      UserId user,
                      long expectedVersion,
                      Secret password,
                      boolean force,
                      AuditEvent event,
                      CommitCondition condition) {
                    return super.setPassword(
                        user, expectedVersion, password, true, event, condition);
                  }
                }),
        writer(
            "unknownUserUntyped",
            "setPhone of an unknown user fails with NoSuchElementException from Optional.get",
            Set.of("setPhone_unknownUser_throwsUnknownUserAndStoresNoEvent", WRITER_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public User setPhone(
                      UserId user,
                      long expectedVersion,
                      PhoneType type,
                      Optional<PhoneNumber> number,
                      AuditEvent event,
                      CommitCondition condition) {
                    if (delegate.findUser(user).isEmpty()) {
                      throw new NoSuchElementException("No value present");
                    }
                    return super.setPhone(user, expectedVersion, type, number, event, condition);
                  }
                }),
        writer(
            "acknowledgeUnknownFails",
            "acknowledgeAuditEvents throws when an id is not pending (DELETE counted rows)",
            Set.of(WRITER_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public void acknowledgeAuditEvents(Collection<String> eventIds) {
                    Set<String> pending =
                        super.pendingAuditEvents(Integer.MAX_VALUE).stream()
                            .map(AuditEvent::id)
                            .collect(java.util.stream.Collectors.toSet());
                    if (!pending.containsAll(eventIds)) {
                      throw new IllegalStateException("expected to delete " + eventIds.size());
                    }
                    super.acknowledgeAuditEvents(eventIds);
                  }
                }),
        writer(
            "appendNotIdempotent",
            "appendAuditEvent inserts again when the id is already pending (no unique key)",
            Set.of(WRITER_DIFF),
            t -> {
              List<AuditEvent> extra = new ArrayList<>();
              return new ForwardingDirectory(inMemory(t)) {
                @Override
                public void appendAuditEvent(AuditEvent event) {
                  boolean pending =
                      super.pendingAuditEvents(Integer.MAX_VALUE).stream()
                          .anyMatch(e -> e.id().equals(event.id()));
                  if (pending) {
                    synchronized (extra) {
                      extra.add(event);
                    }
                  }
                  super.appendAuditEvent(event);
                }

                @Override
                public List<AuditEvent> pendingAuditEvents(int max) {
                  if (max < 0) {
                    return super.pendingAuditEvents(max);
                  }
                  List<AuditEvent> all =
                      new ArrayList<>(super.pendingAuditEvents(Integer.MAX_VALUE));
                  synchronized (extra) {
                    all.addAll(extra);
                  }
                  return all.subList(0, Math.min(Math.max(0, max), all.size()));
                }
              };
            }),
        writer(
            "pendingMaxOffByOne",
            "pendingAuditEvents returns max + 1 events (LIMIT with an inclusive bound)",
            Set.of("outbox_pendingMax_limitsToOldest", WRITER_DIFF),
            t ->
                new ForwardingDirectory(inMemory(t)) {
                  @Override
                  public List<AuditEvent> pendingAuditEvents(int max) {
                    return super.pendingAuditEvents(max < 0 ? max : max + 1);
                  }
                }));
  }

  static AuditEvent withTime(AuditEvent e, java.time.Instant at) {
    return new AuditEvent(
        e.id(),
        at,
        e.activity(),
        e.outcome(),
        e.resultReason(),
        e.correlationId(),
        e.initiatedBy(),
        e.targets(),
        e.additionalDetails(),
        e.loggedByService());
  }

  static AuditEvent withTargets(AuditEvent e, List<AuditTarget> targets) {
    return new AuditEvent(
        e.id(),
        e.activityDateTime(),
        e.activity(),
        e.outcome(),
        e.resultReason(),
        e.correlationId(),
        e.initiatedBy(),
        targets,
        e.additionalDetails(),
        e.loggedByService());
  }

  static List<Broken> sinks() {
    return List.of(
        sink(
            "sinkTimesInSeconds",
            "the audit table's time column has no fractional seconds",
            Set.of("record_everyFieldAndMicroseconds_storedExactly", SINK_DIFF),
            e -> withTime(e, e.activityDateTime().truncatedTo(ChronoUnit.SECONDS))),
        sink(
            "sinkTimesInMillis",
            "times go through java.util.Date on the way in: microseconds are lost",
            Set.of("record_everyFieldAndMicroseconds_storedExactly", SINK_DIFF),
            e -> withTime(e, e.activityDateTime().truncatedTo(ChronoUnit.MILLIS))),
        sink(
            "sinkDropsModifiedProperties",
            "targets are stored without their modified properties",
            Set.of("record_oneEvent_storedExactlyAsGiven"),
            e ->
                withTargets(
                    e,
                    e.targets().stream()
                        .map(
                            x ->
                                new AuditTarget(
                                    x.id(),
                                    x.type(),
                                    x.displayName(),
                                    x.userPrincipalName(),
                                    List.of()))
                        .toList())),
        sink(
            "sinkDropsResultReason",
            "the result reason column is missing from the INSERT",
            Set.of("record_everyActivityAndOutcome_storedExactlyAsGiven", SINK_DIFF),
            e ->
                new AuditEvent(
                    e.id(),
                    e.activityDateTime(),
                    e.activity(),
                    e.outcome(),
                    Optional.empty(),
                    e.correlationId(),
                    e.initiatedBy(),
                    e.targets(),
                    e.additionalDetails(),
                    e.loggedByService())),
        sink(
            "sinkKeepsOnlyOrigin",
            "additional details are stored as the origin column only",
            Set.of("record_everyFieldAndMicroseconds_storedExactly", SINK_DIFF),
            e ->
                new AuditEvent(
                    e.id(),
                    e.activityDateTime(),
                    e.activity(),
                    e.outcome(),
                    e.resultReason(),
                    e.correlationId(),
                    e.initiatedBy(),
                    e.targets(),
                    Map.of(AuditEvent.ORIGIN_KEY, AuditEvent.ORIGIN_MY_STAFF),
                    e.loggedByService())),
        sink(
            "sinkLatin1",
            "text columns are Latin-1: other characters are stored as '?'",
            Set.of("record_everyFieldAndMicroseconds_storedExactly", SINK_DIFF),
            e ->
                withTargets(
                    e,
                    e.targets().stream()
                        .map(
                            x ->
                                new AuditTarget(
                                    x.id(),
                                    x.type(),
                                    x.displayName().map(BrokenProviders::latin1),
                                    x.userPrincipalName(),
                                    x.modifiedProperties()))
                        .toList())));
  }

  static String latin1(String s) {
    return new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
  }

  static List<Broken> writebacks() {
    return List.of(
        writeback(
            "unknownUserSucceeds",
            "a user missing on premises is reported as a success (the LDAP modify hit nothing)",
            Set.of("submit_unknownUser_failsWithUserNotFound_notExceptionally"),
            (d, request, listener) -> {
              if (request.samAccountName().isPresent()
                  && d.historyOf(request.user()).equals(d.historyOf(UserId.of("nobody-at-all")))) {
                CompletionStage<WritebackResult> real = d.submit(request, status -> {});
                return real.thenApply(
                    r -> {
                      if (r.failure().equals(Optional.of(WritebackFailure.USER_NOT_FOUND))) {
                        listener.onStatus(WritebackStatus.SUCCEEDED);
                        return WritebackResult.succeeded();
                      }
                      listener.onStatus(r.status());
                      return r;
                    });
              }
              return d.submit(request, listener);
            }),
        writeback(
            "outcomeHeardTwice",
            "the listener hears the outcome from the worker and again from the completion",
            Set.of("submit_listener_hearsStatusesInOrder_outcomeOnceAndLast"),
            (d, request, listener) ->
                d.submit(request, listener)
                    .thenApply(
                        r -> {
                          listener.onStatus(r.status());
                          return r;
                        })),
        writeback(
            "submitThrowsForUnknownUser",
            "an unknown user makes submit throw instead of completing with USER_NOT_FOUND",
            Set.of("submit_unknownUser_failsWithUserNotFound_notExceptionally"),
            (d, request, listener) -> {
              CompletableFuture<WritebackResult> out = new CompletableFuture<>();
              d.submit(
                      request,
                      status -> {
                        if (status == WritebackStatus.SUBMITTED
                            || status == WritebackStatus.IN_PROGRESS) {
                          listener.onStatus(status);
                        }
                      })
                  .whenComplete(
                      (r, e) -> {
                        if (e != null) {
                          out.completeExceptionally(e);
                        } else if (r.failure()
                            .equals(Optional.of(WritebackFailure.USER_NOT_FOUND))) {
                          out.completeExceptionally(
                              new IllegalStateException("no such sAMAccountName"));
                        } else {
                          listener.onStatus(r.status());
                          out.complete(r);
                        }
                      });
              return out;
            }));
  }

  static List<Broken> policies() {
    return List.of(
        policy(
            "acceptsEverything",
            "the policy call is stubbed to accept while the rules are written",
            Set.of("check_commonPasswords_rejectedWithViolations"),
            p ->
                new PasswordPolicy() {
                  @Override
                  public String name() {
                    return p.name();
                  }

                  @Override
                  public PasswordCheck check(Secret candidate, PasswordContext context) {
                    return PasswordCheck.accepted();
                  }
                }),
        policy(
            "minimumOffByOne",
            "the length check is length >= minimum - 1",
            Set.of("check_oneShorterThanMinimum_rejected"),
            p ->
                new PasswordPolicy() {
                  @Override
                  public String name() {
                    return p.name();
                  }

                  @Override
                  public PasswordCheck check(Secret candidate, PasswordContext context) {
                    PasswordCheck c = p.check(candidate, context);
                    int length = candidate.length();
                    return length == EntraPasswordPolicy.MIN_LENGTH - 1
                            && c.violations().size() == 1
                        ? PasswordCheck.accepted()
                        : c;
                  }
                }),
        policy(
            "ignoresUserName",
            "the user-name rule is configured off while REJECTS_USER_NAMES is claimed",
            Set.of("check_containsDisplayNameWord_rejected"),
            p ->
                new PasswordPolicy() {
                  @Override
                  public String name() {
                    return p.name();
                  }

                  @Override
                  public PasswordCheck check(Secret candidate, PasswordContext context) {
                    return p.check(
                        candidate,
                        new PasswordContext(
                            context.user(),
                            "zz@zz.example",
                            "Zz",
                            Optional.empty(),
                            context.history()));
                  }
                }));
  }

  static List<Broken> notifiers() {
    return List.of(
        notifier(
            "throwsOnNonAscii",
            "the SMS gateway client rejects non-GSM characters and the exception escapes send",
            Set.of("send_edgeValues_acceptedWithoutThrowing"),
            n ->
                notification -> {
                  if (notification.toString().chars().anyMatch(c -> c > 127)
                      || notification.user().value().chars().anyMatch(c -> c > 127)) {
                    throw new IllegalArgumentException("not GSM 03.38");
                  }
                  n.send(notification);
                }),
        notifier(
            "lifoQueue",
            "notifications queue on a stack and go out newest first",
            Set.of("send_oneThread_acceptedInSendingOrder"),
            n -> {
              List<UserNotification> held = new ArrayList<>();
              return notification -> {
                synchronized (held) {
                  held.add(notification);
                  if (held.size() == 3) {
                    for (int i = held.size() - 1; i >= 0; i--) {
                      n.send(held.get(i));
                    }
                    held.clear();
                  }
                }
              };
            }));
  }

  static List<Broken> journals() {
    return List.of(
        journal(
            "journalHolderIsTheProcess",
            "the lease holder is the process, not the journal instance: any node's finish ends"
                + " another node's writeback",
            Set.of("finished_byAnotherInstance_falseWhileTheLeaseHolds"),
            () -> (fresh, first, outbox) -> first),
        journal(
            "journalForgetsOnRestart",
            "each instance keeps its writebacks in a table of its own: a restarted node, or"
                + " another one, sees none of them and takes nothing over",
            Set.of("newInstance_sameStore_seesTheSameStatesAndEvents"),
            () ->
                (fresh, first, outbox) ->
                    fresh == first
                        ? first
                        : InMemoryWritebackJournal.create(outbox, Clock.systemUTC())),
        journal(
            "journalUnknownIsSubmitted",
            "the status query defaults a missing row to SUBMITTED instead of failing",
            Set.of("status_unknownWriteback_typedError"),
            () ->
                (fresh, first, outbox) ->
                    new ForwardingJournal(fresh) {
                      @Override
                      public WritebackStatus status(CorrelationId writeback) {
                        try {
                          return delegate.status(writeback);
                        } catch (InvalidInputException e) {
                          return WritebackStatus.SUBMITTED;
                        }
                      }
                    }),
        journal(
            "journalIgnoresLeases",
            "the lease is stored but never compared: a takeover ends every running writeback",
            Set.of("takeOverExpired_leaseHeld_takesNothing"),
            () ->
                (fresh, first, outbox) ->
                    new ForwardingJournal(fresh) {
                      @Override
                      public void submitted(
                          AuditEvent pending, AuditEvent ifAbandoned, Duration lease) {
                        delegate.submitted(pending, ifAbandoned, Duration.ZERO);
                      }
                    }),
        journal(
            "journalKeepsEventWhenEndRefused",
            "finished stores its event even when the writeback was ended already (keeping it"
                + " rather than losing it): two final events once a takeover ended it",
            Set.of(
                "finished_again_firstEndStands",
                "takeOverExpired_leaseExpired_endsItOnceWithThePreparedEvent"),
            () ->
                (fresh, first, outbox) ->
                    new ForwardingJournal(fresh) {
                      @Override
                      public boolean finished(AuditEvent finalEvent) {
                        if (!delegate.finished(finalEvent)) {
                          outbox.appendAuditEvent(finalEvent);
                        }
                        return true;
                      }
                    }),
        journal(
            "journalTakeoverStoresNoEvent",
            "a takeover marks writebacks FAILED, but its outbox insert runs in a transaction of"
                + " its own that is never committed",
            Set.of("takeOverExpired_leaseExpired_endsItOnceWithThePreparedEvent"),
            () ->
                (fresh, first, outbox) ->
                    new ForwardingJournal(fresh) {
                      @Override
                      public List<CorrelationId> takeOverExpired() {
                        List<CorrelationId> ended = delegate.takeOverExpired();
                        List<String> lost = new ArrayList<>();
                        for (AuditEvent e : outbox.pendingAuditEvents(Integer.MAX_VALUE)) {
                          if (ended.contains(e.correlationId())) {
                            lost.add(e.id());
                          }
                        }
                        outbox.acknowledgeAuditEvents(lost);
                        return ended;
                      }
                    }),
        journal(
            "journalProgressOverwritesEnd",
            "progress goes to a column of its own, written unconditionally, which the status"
                + " query prefers: late or foreign progress hides the end",
            Set.of(
                "progressed_afterTheEnd_statusUnchanged",
                "progressed_byAnotherInstance_statusUnchanged"),
            () -> {
              Map<CorrelationId, WritebackStatus> progressColumn = new HashMap<>();
              return (fresh, first, outbox) ->
                  new ForwardingJournal(fresh) {
                    @Override
                    public void progressed(CorrelationId writeback, WritebackStatus status) {
                      delegate.progressed(writeback, status);
                      if (!status.isTerminal()) {
                        synchronized (progressColumn) {
                          progressColumn.put(writeback, status);
                        }
                      }
                    }

                    @Override
                    public WritebackStatus status(CorrelationId writeback) {
                      WritebackStatus stored = delegate.status(writeback);
                      synchronized (progressColumn) {
                        return progressColumn.getOrDefault(writeback, stored);
                      }
                    }
                  };
            }));
  }
}
