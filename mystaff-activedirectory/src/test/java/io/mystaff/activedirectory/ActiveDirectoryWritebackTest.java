package io.mystaff.activedirectory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.spi.WritebackPrecondition;
import io.mystaff.spi.WritebackRequest;
import io.mystaff.testkit.contract.PasswordWritebackFeature;
import io.mystaff.testkit.contract.PasswordWritebackTestSuiteBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The writeback's LDAP logic against UnboundID's in-memory server, which plays AD's answers (see
 * {@link InMemoryAd}).
 */
class ActiveDirectoryWritebackTest {
  private static final String GOOD = "Correct-Horse-42";

  private InMemoryAd ad;
  private ActiveDirectoryConnection connection;
  private ActiveDirectoryWriteback writeback;

  @BeforeEach
  void start() throws Exception {
    ad = new InMemoryAd();
    connection = ad.connection().build();
    writeback = ActiveDirectoryWriteback.builder(connection).searchBase(InMemoryAd.BASE).build();
  }

  @AfterEach
  void stop() {
    writeback.close();
    connection.close();
    ad.close();
  }

  @Test
  void reset_writesQuotedUtf16LeUnicodePwd_andPwdLastSetZero() throws Exception {
    String dn = ad.user("Sales", "ada");
    WritebackResult result = await(writeback.submit(request("c1", "ada", GOOD, true), s -> {}));
    assertThat(result).isEqualTo(WritebackResult.succeeded());
    assertThat(ad.writes)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.dn()).isEqualToIgnoringCase(dn);
              assertThat(w.modifications().get(0).getValueByteArrays()[0])
                  .isEqualTo(("\"" + GOOD + "\"").getBytes(StandardCharsets.UTF_16LE));
              assertThat(w.setsPwdLastSetZero()).as("force change at next sign-in").isTrue();
            });
  }

  @Test
  void unicodePwd_isTheQuotedPasswordInUtf16Le_forAnyCharacters() {
    for (String pw :
        java.util.List.of(
            "Correct-Horse-42",
            "Grüße-aus-Köln-7",
            "\u5bc6\u7801-Pass-1",
            "Emoji-\ud83d\ude00-9")) {
      assertThat(ActiveDirectoryWriteback.unicodePwd(Secret.of(pw)))
          .as(pw)
          .isEqualTo(("\"" + pw + "\"").getBytes(StandardCharsets.UTF_16LE));
    }
  }

  @Test
  void reset_withoutForceChange_leavesPwdLastSet() throws Exception {
    ad.user("Sales", "ada");
    assertThat(await(writeback.submit(request("c1", "ada", GOOD, false), s -> {})).isSuccess())
        .isTrue();
    assertThat(ad.writes)
        .singleElement()
        .satisfies(w -> assertThat(w.setsPwdLastSetZero()).isFalse());
  }

  @Test
  void reset_passwordNeverExpires_dropsForceChange_unlessConfigured() throws Exception {
    ad.user(
        "Sales",
        "nora",
        "nora",
        512 | ActiveDirectoryWriteback.DONT_EXPIRE_PASSWORD,
        UUID.randomUUID());
    assertThat(await(writeback.submit(request("c1", "nora", GOOD, true), s -> {})).isSuccess())
        .isTrue();
    try (ActiveDirectoryWriteback forcing =
        ActiveDirectoryWriteback.builder(connection)
            .searchBase(InMemoryAd.BASE)
            .forceChangeWhenPasswordNeverExpires(true)
            .build()) {
      assertThat(await(forcing.submit(request("c2", "nora", GOOD, true), s -> {})).isSuccess())
          .isTrue();
    }
    assertThat(ad.writes)
        .extracting(InMemoryAd.Write::setsPwdLastSetZero)
        .containsExactly(false, true);
  }

  @Test
  void listener_hearsSubmittedInProgressThenOutcome() throws Exception {
    ad.user("Sales", "ada");
    List<WritebackStatus> heard = new CopyOnWriteArrayList<>();
    await(writeback.submit(request("c1", "ada", GOOD, true), heard::add));
    assertThat(heard)
        .containsExactly(
            WritebackStatus.SUBMITTED, WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
  }

  @Test
  void policyRefusal_0000052D_isPolicyViolation() throws Exception {
    ad.user("Sales", "ada");
    assertThat(await(writeback.submit(request("c1", "ada", "Short-1", true), s -> {})).failure())
        .contains(WritebackFailure.POLICY_VIOLATION);
    assertThat(ad.refused).hasValue(1);
  }

  @Test
  void insufficientRights_isAccessDenied() throws Exception {
    ad.user("Protected", "root");
    assertThat(await(writeback.submit(request("c1", "root", GOOD, true), s -> {})).failure())
        .contains(WritebackFailure.ACCESS_DENIED);
  }

  @Test
  void noSuchObjectOnWrite_isUserNotFound() throws Exception {
    ad.user("Vanishing", "gone");
    assertThat(await(writeback.submit(request("c1", "gone", GOOD, true), s -> {})).failure())
        .contains(WritebackFailure.USER_NOT_FOUND);
  }

  @Test
  void unknownAbsentOrAmbiguousUser_isUserNotFound_andWritesNothing() throws Exception {
    ad.user("Sales", "twin", "twin", 512, UUID.randomUUID());
    ad.user("Users", "twin", "twin", 512, UUID.randomUUID());
    assertThat(await(writeback.submit(request("c1", "nobody", GOOD, true), s -> {})).failure())
        .contains(WritebackFailure.USER_NOT_FOUND);
    assertThat(
            await(
                    writeback.submit(
                        new WritebackRequest(
                            CorrelationId.of("c2"),
                            UserId.of("cloud-only"),
                            Optional.empty(),
                            Secret.of(GOOD),
                            true),
                        s -> {}))
                .failure())
        .contains(WritebackFailure.USER_NOT_FOUND);
    assertThat(await(writeback.submit(request("c3", "twin", GOOD, true), s -> {})).failure())
        .contains(WritebackFailure.USER_NOT_FOUND);
    assertThat(ad.writes).isEmpty();
  }

  @Test
  void sameCorrelationId_appliedOnce_duplicateHearsReplay() throws Exception {
    ad.user("Sales", "ada");
    WritebackResult first = await(writeback.submit(request("same", "ada", GOOD, true), s -> {}));
    List<WritebackStatus> replay = new CopyOnWriteArrayList<>();
    WritebackResult second =
        await(writeback.submit(request("same", "ada", "Another-Passw0rd", true), replay::add));
    assertThat(second).isEqualTo(first);
    assertThat(replay)
        .containsExactly(
            WritebackStatus.SUBMITTED, WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
    assertThat(ad.writes).hasSize(1);
    assertThat(ad.passwords).containsValue(GOOD).doesNotContainValue("Another-Passw0rd");
  }

  @Test
  void precondition_falseOrThrowing_revokes_andWritesNothing() throws Exception {
    ad.user("Sales", "ada");
    AtomicInteger asked = new AtomicInteger();
    WritebackPrecondition no = () -> asked.incrementAndGet() < 0;
    WritebackPrecondition boom =
        () -> {
          throw new IllegalStateException("cannot decide");
        };
    assertThat(await(writeback.submit(request("c1", "ada", GOOD, true, no), s -> {})).failure())
        .contains(WritebackFailure.AUTHORIZATION_REVOKED);
    assertThat(await(writeback.submit(request("c2", "ada", GOOD, true, boom), s -> {})).failure())
        .contains(WritebackFailure.AUTHORIZATION_REVOKED);
    assertThat(asked).hasValue(1);
    assertThat(ad.writes).isEmpty();
  }

  @Test
  void precondition_askedAfterLookup_soUnknownUserIsNotFound() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    assertThat(
            await(
                    writeback.submit(
                        request("c1", "nobody", GOOD, true, () -> asked.incrementAndGet() > 0),
                        s -> {}))
                .failure())
        .contains(WritebackFailure.USER_NOT_FOUND);
    assertThat(asked).hasValue(0);
  }

  @Test
  void stoppedServer_isUnreachable_andUnavailable_thenRecovers() throws Exception {
    ad.user("Sales", "ada");
    assertThat(await(writeback.submit(request("c1", "ada", GOOD, true), s -> {})).isSuccess())
        .isTrue();
    ad.stop();
    assertThat(await(writeback.submit(request("c2", "ada", GOOD, true), s -> {})).failure())
        .contains(WritebackFailure.UNREACHABLE);
    assertThat(writeback.isAvailable()).isFalse();
    ad.restart();
    assertThat(await(writeback.submit(request("c3", "ada", GOOD, true), s -> {})).isSuccess())
        .as("a new connection replaces the dropped one")
        .isTrue();
    assertThat(writeback.isAvailable()).isTrue();
  }

  @Test
  void pooledConnectionDroppedBetweenWritebacks_isRetriedTransparently() throws Exception {
    ad.user("Sales", "ada");
    assertThat(await(writeback.submit(request("c1", "ada", GOOD, true), s -> {})).isSuccess())
        .isTrue();
    ad.stop();
    ad.restart();
    assertThat(await(writeback.submit(request("c2", "ada", GOOD, true), s -> {})).isSuccess())
        .isTrue();
    assertThat(ad.writes).hasSize(2);
  }

  @Test
  void writeThatOutlivesTheDeadline_isUnreachable() throws Exception {
    ad.user("Slow", "sloth");
    try (ActiveDirectoryWriteback quick =
        ActiveDirectoryWriteback.builder(connection)
            .searchBase(InMemoryAd.BASE)
            .deadline(Duration.ofMillis(300))
            .build()) {
      List<WritebackStatus> heard = new CopyOnWriteArrayList<>();
      assertThat(await(quick.submit(request("c1", "sloth", GOOD, true), heard::add)).failure())
          .contains(WritebackFailure.UNREACHABLE);
      assertThat(heard).endsWith(WritebackStatus.FAILED).doesNotHaveDuplicates();
    } finally {
      ad.release();
    }
  }

  @Test
  void wrongServicePassword_isAccessDenied() throws Exception {
    ad.user("Sales", "ada");
    try (ActiveDirectoryConnection bad =
            ad.connection().serviceAccount(InMemoryAd.SERVICE_DN, Secret.of("wrong-one")).build();
        ActiveDirectoryWriteback w =
            ActiveDirectoryWriteback.builder(bad).searchBase(InMemoryAd.BASE).build()) {
      assertThat(await(w.submit(request("c1", "ada", GOOD, true), s -> {})).failure())
          .contains(WritebackFailure.ACCESS_DENIED);
    }
  }

  @Test
  void untrustedCertificate_isUnreachable_hostnameVerifiedByDefault() throws Exception {
    ad.user("Sales", "ada");
    try (ActiveDirectoryConnection system =
            ad.connection().trust(TlsTrust.systemDefault()).build();
        ActiveDirectoryWriteback w =
            ActiveDirectoryWriteback.builder(system)
                .searchBase(InMemoryAd.BASE)
                .maxAttempts(1)
                .build()) {
      assertThat(await(w.submit(request("c1", "ada", GOOD, true), s -> {})).failure())
          .contains(WritebackFailure.UNREACHABLE);
    }
    assertThat(TlsTrust.systemDefault().verifiesHostname()).isTrue();
    assertThat(TlsTrust.pemFile(ad.keyStorePath()).verifiesHostname()).isTrue();
    try (ActiveDirectoryConnection pinned =
            ad.connection()
                .trust(
                    TlsTrust.trustStore(ad.keyStorePath(), ad.keyStorePin, "PKCS12")
                        .withoutHostnameVerification())
                .build();
        ActiveDirectoryWriteback w =
            ActiveDirectoryWriteback.builder(pinned).searchBase(InMemoryAd.BASE).build()) {
      assertThat(await(w.submit(request("c2", "ada", GOOD, true), s -> {})).isSuccess())
          .as("the server's own certificate in a trust store")
          .isTrue();
    }
  }

  @Test
  void mappings_findByObjectGuidAndUserPrincipalName() throws Exception {
    UUID guid = UUID.randomUUID();
    ad.user("Sales", "Ada Lovelace", "ada", 512, guid);
    try (ActiveDirectoryWriteback byGuid =
            ActiveDirectoryWriteback.builder(connection)
                .searchBase(InMemoryAd.BASE)
                .userMapping(UserMapping.objectGuid(u -> Optional.of(UUID.fromString(u.value()))))
                .build();
        ActiveDirectoryWriteback byUpn =
            ActiveDirectoryWriteback.builder(connection)
                .searchBase(InMemoryAd.BASE)
                .userMapping(
                    UserMapping.userPrincipalName(u -> Optional.of(u.value() + "@contoso.example")))
                .build()) {
      assertThat(
              await(
                      byGuid.submit(
                          new WritebackRequest(
                              CorrelationId.of("g"),
                              UserId.of(guid.toString()),
                              Optional.empty(),
                              Secret.of(GOOD),
                              false),
                          s -> {}))
                  .isSuccess())
          .isTrue();
      assertThat(
              await(
                      byGuid.submit(
                          new WritebackRequest(
                              CorrelationId.of("g2"),
                              UserId.of(UUID.randomUUID().toString()),
                              Optional.empty(),
                              Secret.of(GOOD),
                              false),
                          s -> {}))
                  .failure())
          .contains(WritebackFailure.USER_NOT_FOUND);
      assertThat(
              await(
                      byUpn.submit(
                          new WritebackRequest(
                              CorrelationId.of("u"),
                              UserId.of("ada"),
                              Optional.empty(),
                              Secret.of(GOOD),
                              false),
                          s -> {}))
                  .isSuccess())
          .isTrue();
    }
    assertThat(ad.writes).hasSize(2);
  }

  @Test
  void closingRightAfterBuilding_leavesNoConnectionOpen() throws Exception {
    for (int i = 0; i < 5; i++) {
      ad.connection().build().close(); // the health check starts at once; close waits for it
    }
    ad.stop(); // fails on a connection left open
    ad.restart();
  }

  @Test
  void immutableId_isTheBase64OfTheGuidBytes() {
    UUID guid = UUID.fromString("2d0f5a4e-3c1b-4f6a-9e8d-7c6b5a493827");
    String immutableId = java.util.Base64.getEncoder().encodeToString(UserMapping.guidBytes(guid));
    assertThat(UserMapping.guidFromImmutableId(immutableId)).contains(guid);
    assertThat(UserMapping.guidBytes(guid))
        .startsWith((byte) 0x4e, (byte) 0x5a, (byte) 0x0f, (byte) 0x2d);
    assertThat(UserMapping.guidFromImmutableId("not base64!")).isEmpty();
  }

  @Test
  void passwordAppearsInNoToString() throws Exception {
    ad.user("Sales", "ada");
    WritebackRequest r = request("c1", "ada", GOOD, true);
    CompletionStage<WritebackResult> stage = writeback.submit(r, s -> {});
    WritebackResult result = await(stage);
    for (Object o : List.of(writeback, connection, result, stage, r, ad.connection())) {
      assertThat(o.toString()).doesNotContain(GOOD).doesNotContain(InMemoryAd.SERVICE_PASSWORD);
    }
  }

  @TestFactory
  DynamicContainer contract() {
    return PasswordWritebackTestSuiteBuilder.using(
            tenant -> {
              InMemoryAd fresh = new InMemoryAd();
              for (String u : List.of("sam", "tia", "uma")) {
                fresh.user("Sales", u + ".synced");
              }
              ActiveDirectoryConnection c = fresh.connection().build();
              ActiveDirectoryWriteback w =
                  ActiveDirectoryWriteback.builder(c).searchBase(InMemoryAd.BASE).build();
              return new ClosingWriteback(w, c, fresh);
            })
        .named("Active Directory writeback (UnboundID in-memory)")
        .withFeatures(PasswordWritebackFeature.REPORTS_PROGRESS)
        // ActiveDirectoryWriteback does not unlock accounts (no lockoutTime write).
        .withoutFeatures(PasswordWritebackFeature.UNLOCKS_ACCOUNTS)
        .withoutFeatures(PasswordWritebackFeature.READS_HISTORY)
        .withTimeout(Duration.ofSeconds(30))
        .build();
  }

  static WritebackRequest request(String correlation, String sam, String password, boolean force) {
    return request(correlation, sam, password, force, WritebackPrecondition.always());
  }

  static WritebackRequest request(
      String correlation,
      String sam,
      String password,
      boolean force,
      WritebackPrecondition precondition) {
    return new WritebackRequest(
        CorrelationId.of(correlation),
        UserId.of("entra-" + sam),
        Optional.of(sam),
        Secret.of(password),
        force,
        precondition);
  }

  static WritebackResult await(CompletionStage<WritebackResult> stage) throws Exception {
    return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
