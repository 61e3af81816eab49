package io.mystaff.activedirectory;

import static io.mystaff.activedirectory.ActiveDirectoryWritebackTest.await;
import static io.mystaff.activedirectory.ActiveDirectoryWritebackTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.testkit.contract.PasswordWritebackFeature;
import io.mystaff.testkit.contract.PasswordWritebackTestSuiteBuilder;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The writeback and the policy source against a real Active Directory implementation: a Samba 4.17
 * DC provisioned and seeded by {@link SambaDc} once for this class (the only one that uses it;
 * Samba's LDAP ports are fixed). The service account holds only "Reset Password" and write {@code
 * pwdLastSet} on OU=Sales. Stopping the DC is the last test.
 *
 * <p>What Samba really does, and what it does not: it refuses short and non-complex passwords on an
 * administrator's reset, and reused or too-young passwords on a user's own change, all with 19 /
 * {@code 0000052D}; it does not support LDAP_SERVER_POLICY_HINTS, so history is not applied to an
 * administrator's reset (Windows Server 2016+ would refuse it when asked); it runs no SDProp, so
 * the seed script gives the protected user AdminSDHolder's descriptor as SDProp would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SambaDomainControllerTest {
  private static SambaDc dc;

  private ActiveDirectoryConnection connection;
  private ActiveDirectoryWriteback writeback;
  private int next;

  @BeforeAll
  static void provision() throws Exception {
    dc = SambaDc.start();
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (dc != null) {
      dc.close();
    }
  }

  @BeforeEach
  void connect() {
    connection = dc.connection().build();
    writeback =
        ActiveDirectoryWriteback.builder(connection)
            .searchBase(SambaDc.BASE)
            .deadline(Duration.ofSeconds(30))
            .build();
  }

  @AfterEach
  void disconnect() {
    writeback.close();
    connection.close();
  }

  private WritebackResult reset(String sam, String password, boolean force) throws Exception {
    return await(
        writeback.submit(request("samba-" + sam + "-" + next++, sam, password, force), s -> {}));
  }

  private static LDAPConnection bindAs(String sam, String password) throws Exception {
    return new LDAPConnection(
        new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory(),
        "127.0.0.1",
        636,
        sam + "@contoso.example",
        password);
  }

  private static void canBind(String sam, String password) throws Exception {
    try (LDAPConnection c = bindAs(sam, password)) {
      assertThat(c.isConnected()).isTrue();
    }
  }

  /**
   * The user's own change: DELETE the old and ADD the new unicodePwd in one modify, bound as the
   * user.
   */
  private static void selfChange(String sam, String oldPassword, String newPassword)
      throws Exception {
    try (LDAPConnection c = bindAs(sam, oldPassword)) {
      String dn =
          c.search(
                  SambaDc.BASE,
                  com.unboundid.ldap.sdk.SearchScope.SUB,
                  "(sAMAccountName=" + sam + ")",
                  "dn")
              .getSearchEntries()
              .get(0)
              .getDN();
      c.modify(
          new ModifyRequest(
              dn,
              new Modification(
                  ModificationType.DELETE,
                  "unicodePwd",
                  ActiveDirectoryWriteback.unicodePwd(Secret.of(oldPassword))),
              new Modification(
                  ModificationType.ADD,
                  "unicodePwd",
                  ActiveDirectoryWriteback.unicodePwd(Secret.of(newPassword)))));
    }
  }

  @Test
  @Order(1)
  void goodPassword_isSet_andTheUserBindsWithIt() throws Exception {
    assertThat(reset("ada", "Correct-Horse-42", false)).isEqualTo(WritebackResult.succeeded());
    canBind("ada", "Correct-Horse-42");
    assertThatThrownBy(() -> canBind("ada", SambaDc.INITIAL_PASSWORD))
        .isInstanceOfSatisfying(
            LDAPException.class,
            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
  }

  @Test
  @Order(2)
  void startTls_onPort389_resetsToo_andANonAsciiPasswordBinds() throws Exception {
    try (ActiveDirectoryConnection tls = dc.connection().transport(Transport.START_TLS).build();
        ActiveDirectoryWriteback w =
            ActiveDirectoryWriteback.builder(tls).searchBase(SambaDc.BASE).build()) {
      assertThat(
              await(w.submit(request("samba-starttls", "ada", "Grüße-aus-Köln-7", false), s -> {})))
          .isEqualTo(WritebackResult.succeeded());
    }
    canBind("ada", "Grüße-aus-Köln-7");
  }

  @Test
  @Order(3)
  void forceChange_setsPwdLastSetZero_soTheUserMustChangeAtSignIn() throws Exception {
    assertThat(reset("ada", "Battery-Staple-77", true).isSuccess()).isTrue();
    assertThatThrownBy(() -> canBind("ada", "Battery-Staple-77"))
        .isInstanceOfSatisfying(
            LDAPException.class,
            e -> {
              assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
              assertThat(Outcomes.dataCode(e.getDiagnosticMessage()))
                  .as("773: must change password")
                  .hasValue(0x773);
            });
  }

  @Test
  @Order(4)
  void passwordNeverExpires_forceChangeIsDropped() throws Exception {
    assertThat(reset("nora", "Nora-Keeps-It-9", true).isSuccess()).isTrue();
    canBind("nora", "Nora-Keeps-It-9");
  }

  @Test
  @Order(4)
  void tooShortAndNotComplex_arePolicyViolations() throws Exception {
    assertThat(reset("ada", "Sh0rt!", false).failure()).contains(WritebackFailure.POLICY_VIOLATION);
    assertThat(reset("ada", "alllowercase-no-digits", false).failure())
        .contains(WritebackFailure.POLICY_VIOLATION);
  }

  @Test
  @Order(5)
  void reusedPassword_isRefusedOnTheUsersOwnChange_asPolicyViolation() throws Exception {
    assertThat(reset("tia.synced", "First-Passw0rd-1", false).isSuccess()).isTrue();
    selfChange("tia.synced", "First-Passw0rd-1", "Second-Passw0rd-2");
    assertThatThrownBy(() -> selfChange("tia.synced", "Second-Passw0rd-2", "First-Passw0rd-1"))
        .isInstanceOfSatisfying(
            LDAPException.class,
            e -> {
              assertThat(Outcomes.win32Code(e.getDiagnosticMessage()))
                  .hasValue(Outcomes.PASSWORD_RESTRICTION);
              assertThat(Outcomes.failureOf(e)).isEqualTo(WritebackFailure.POLICY_VIOLATION);
            });
  }

  @Test
  @Order(6)
  void reusedPassword_onAnAdministratorsReset_isAcceptedBySamba_whichIgnoresPolicyHints()
      throws Exception {
    try (ActiveDirectoryWriteback hinting =
        ActiveDirectoryWriteback.builder(connection)
            .searchBase(SambaDc.BASE)
            .enforceHistoryOnReset(true)
            .build()) {
      assertThat(
              await(
                  hinting.submit(
                      request("samba-hint", "tia.synced", "First-Passw0rd-1", false), s -> {})))
          .as(
              "Windows Server 2016+ refuses this with 0000052D; Samba 4.17 does not support the control")
          .isEqualTo(WritebackResult.succeeded());
    }
  }

  @Test
  @Order(7)
  void tooYoungPassword_isRefusedOnTheUsersOwnChange_notOnAnAdministratorsReset() throws Exception {
    // yuri's fine-grained policy has a minimum age of one day; his password was set at seeding.
    assertThatThrownBy(() -> selfChange("yuri", SambaDc.INITIAL_PASSWORD, "Yuri-Wants-New-1"))
        .isInstanceOfSatisfying(
            LDAPException.class,
            e -> assertThat(Outcomes.failureOf(e)).isEqualTo(WritebackFailure.POLICY_VIOLATION));
    assertThat(reset("yuri", "Reset-By-Admin-12", false).isSuccess()).isTrue();
  }

  @Test
  @Order(8)
  void userOutsideTheDelegatedOu_andProtectedUser_areAccessDenied() throws Exception {
    assertThat(reset("grace", "Correct-Horse-42", false).failure())
        .contains(WritebackFailure.ACCESS_DENIED);
    assertThat(reset("root", "Correct-Horse-42", false).failure())
        .contains(WritebackFailure.ACCESS_DENIED);
    canBind("root", SambaDc.INITIAL_PASSWORD);
  }

  @Test
  @Order(9)
  void unknownUser_isNotFound() throws Exception {
    assertThat(reset("nobody-here", "Correct-Horse-42", false).failure())
        .contains(WritebackFailure.USER_NOT_FOUND);
  }

  @Test
  @Order(10)
  void hostnameVerification_isOnByDefault_andRefusesACertificateThatDoesNotNameTheHost()
      throws Exception {
    // The certificate names DC1.contoso.example; "localhost" reaches the same DC under a name it
    // does not carry.
    try (ActiveDirectoryConnection verifying =
            ActiveDirectoryConnection.builder("localhost")
                .serviceAccount(SambaDc.SERVICE_DN, Secret.of(SambaDc.SERVICE_PASSWORD))
                .trust(TlsTrust.pemFile(dc.caPem()))
                .build();
        ActiveDirectoryWriteback w =
            ActiveDirectoryWriteback.builder(verifying)
                .searchBase(SambaDc.BASE)
                .maxAttempts(1)
                .build()) {
      assertThat(
              await(w.submit(request("samba-tls", "ada", "Correct-Horse-43", false), s -> {}))
                  .failure())
          .contains(WritebackFailure.UNREACHABLE);
    }
  }

  @Test
  @Order(11)
  void policyReadFromTheDomain_equalsWhatWasConfigured() {
    ActiveDirectoryPolicySource source =
        ActiveDirectoryPolicySource.of(connection, SambaDc.BASE, UserMapping.samAccountName());
    assertThat(source.domainSettings())
        .isEqualTo(
            new PasswordSettings(
                SambaDc.BASE, 10, 5, true, Duration.ZERO, Duration.ofDays(60), false));
    PasswordSettings yuri = source.settingsFor(UserId.of("yuri"), Optional.of("yuri"));
    assertThat(yuri.source()).startsWith("CN=young-pso,");
    assertThat(yuri)
        .isEqualTo(
            new PasswordSettings(
                yuri.source(), 12, 3, true, Duration.ofDays(1), Duration.ofDays(30), true));
    assertThat(source.settingsFor(UserId.of("ada"), Optional.of("ada")).fineGrained()).isFalse();
    assertThat(source.policyFor(UserId.of("yuri"), Optional.of("yuri")).minimumLength())
        .isEqualTo(12);
  }

  @TestFactory
  @Order(12)
  DynamicContainer contract() {
    return PasswordWritebackTestSuiteBuilder.using(
            tenant -> {
              ActiveDirectoryConnection c = dc.connection().build();
              return new ClosingWriteback(
                  ActiveDirectoryWriteback.builder(c).searchBase(SambaDc.BASE).build(), c);
            })
        .named("Active Directory writeback (Samba 4.17 DC)")
        .withFeatures(PasswordWritebackFeature.REPORTS_PROGRESS)
        // ActiveDirectoryWriteback does not unlock accounts (no lockoutTime write).
        .withoutFeatures(PasswordWritebackFeature.UNLOCKS_ACCOUNTS)
        .withoutFeatures(PasswordWritebackFeature.READS_HISTORY)
        .withTimeout(Duration.ofSeconds(60))
        .build();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void stoppedDc_isUnreachable_withinTheDeadline() throws Exception {
    assertThat(reset("ada", "Before-The-Stop-1", false).isSuccess()).isTrue();
    dc.stop();
    try (ActiveDirectoryWriteback bounded =
        ActiveDirectoryWriteback.builder(connection)
            .searchBase(SambaDc.BASE)
            .deadline(Duration.ofSeconds(5))
            .build()) {
      WritebackResult result =
          bounded
              .submit(request("samba-stopped", "ada", "After-The-Stop-1", false), s -> {})
              .toCompletableFuture()
              .get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(result.failure()).contains(WritebackFailure.UNREACHABLE);
    }
    assertThat(writeback.isAvailable()).isFalse();
  }
}
