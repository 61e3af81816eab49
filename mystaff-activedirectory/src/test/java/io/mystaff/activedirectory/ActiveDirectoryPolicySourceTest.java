package io.mystaff.activedirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reading the domain's and a user's resultant password settings (the in-memory server stores the
 * attributes AD would).
 */
class ActiveDirectoryPolicySourceTest {

  @Test
  void domainSettings_areReadAndConverted() throws Exception {
    try (InMemoryAd ad = new InMemoryAd();
        ActiveDirectoryConnection c = ad.connection().build()) {
      ActiveDirectoryPolicySource source =
          ActiveDirectoryPolicySource.of(c, InMemoryAd.BASE, UserMapping.samAccountName());
      PasswordSettings s = source.domainSettings();
      assertThat(s)
          .isEqualTo(
              new PasswordSettings(
                  InMemoryAd.BASE, 10, 5, true, Duration.ofDays(1), Duration.ofDays(42), false));
      ActiveDirectoryPasswordPolicy p = source.domainPolicy();
      assertThat(p.minimumLength()).isEqualTo(10);
      assertThat(p.complexityEnabled()).isTrue();
      assertThat(p.enforcesHistory()).isTrue();
      assertThat(p.minimumPasswordAge()).isEqualTo(Duration.ofDays(1));
      assertThat(p.maximumPasswordAge()).isEqualTo(Duration.ofDays(42));
    }
  }

  @Test
  void userWithResultantPso_getsThePsoSettings_othersTheDomains() throws Exception {
    try (InMemoryAd ad = new InMemoryAd();
        ActiveDirectoryConnection c = ad.connection().build()) {
      String pso = "CN=Admins PSO,CN=Password Settings Container,CN=System," + InMemoryAd.BASE;
      ad.server.add(
          new Entry("CN=System," + InMemoryAd.BASE, new Attribute("objectClass", "container")));
      ad.server.add(
          new Entry(
              "CN=Password Settings Container,CN=System," + InMemoryAd.BASE,
              new Attribute("objectClass", "container")));
      ad.server.add(
          new Entry(
              pso,
              new Attribute("objectClass", "msDS-PasswordSettings"),
              new Attribute("msDS-MinimumPasswordLength", "15"),
              new Attribute("msDS-PasswordHistoryLength", "0"),
              new Attribute("msDS-PasswordComplexityEnabled", "FALSE"),
              new Attribute("msDS-MinimumPasswordAge", "0"),
              new Attribute("msDS-MaximumPasswordAge", "-9223372036854775808")));
      String admin = ad.user("Sales", "boss");
      ad.server.modify(admin, new Modification(ModificationType.ADD, "msDS-ResultantPSO", pso));
      ad.user("Sales", "ada");
      ActiveDirectoryPolicySource source =
          ActiveDirectoryPolicySource.of(c, InMemoryAd.BASE, UserMapping.samAccountName());
      assertThat(source.settingsFor(UserId.of("b"), Optional.of("boss")))
          .isEqualTo(new PasswordSettings(pso, 15, 0, false, Duration.ZERO, Duration.ZERO, true));
      assertThat(source.policyFor(UserId.of("b"), Optional.of("boss")).passwordsNeverExpire())
          .isTrue();
      assertThat(source.settingsFor(UserId.of("a"), Optional.of("ada")).fineGrained()).isFalse();
      assertThat(source.settingsFor(UserId.of("x"), Optional.empty()).source())
          .isEqualTo(InMemoryAd.BASE);
    }
  }

  @Test
  void unreachableController_isProviderFailure() throws Exception {
    try (InMemoryAd ad = new InMemoryAd();
        ActiveDirectoryConnection c = ad.connection().build()) {
      ad.stop();
      ActiveDirectoryPolicySource source =
          ActiveDirectoryPolicySource.of(c, InMemoryAd.BASE, UserMapping.samAccountName());
      assertThatThrownBy(source::domainSettings).isInstanceOf(ProviderFailureException.class);
    }
  }

  @Test
  void intervals_areNegativeHundredNanoseconds_minValueMeansNever() {
    assertThat(PasswordSettings.interval(-864000000000L)).isEqualTo(Duration.ofDays(1));
    assertThat(PasswordSettings.interval(Long.MIN_VALUE)).isEqualTo(Duration.ZERO);
    assertThat(PasswordSettings.interval(0)).isEqualTo(Duration.ZERO);
    assertThat(
            new PasswordSettings("x", 7, 24, true, Duration.ofDays(5000), Duration.ZERO, false)
                .toPolicy()
                .minimumPasswordAge())
        .isEqualTo(Duration.ofDays(999));
  }
}
