package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Stored password hashes use OWASP's work factor, and configuration cannot go below it. */
class PasswordHashTest {

  @Test
  void floor_outsideTests_owaspSixHundredThousandIterations() {
    assertThat(PasswordHash.MIN_ITERATIONS).isEqualTo(600_000);
    assertThat(PasswordHash.DEFAULT_ITERATIONS).isEqualTo(600_000);
    assertThat(PasswordHash.requireIterations(600_000, false)).isEqualTo(600_000);
    assertThatThrownBy(() -> PasswordHash.requireIterations(599_999, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("600000");
    assertThatThrownBy(() -> PasswordHash.requireIterations(1, false))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void floor_withTheTestFlag_oneIteration() {
    assertThat(PasswordHash.requireIterations(1, true)).isEqualTo(1);
    assertThatThrownBy(() -> PasswordHash.requireIterations(0, true))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void testRunsSetTheFlag_soTheBuildsOwnTestsMayHashCheaply() {
    assertThat(Boolean.getBoolean(PasswordHash.WEAK_FOR_TESTS_PROPERTY))
        .as("surefire sets -D%s=true (pom.xml)", PasswordHash.WEAK_FOR_TESTS_PROPERTY)
        .isTrue();
  }

  @Test
  void defaultDirectory_hashesWithTheFloor() {
    InMemoryDirectory directory =
        InMemoryDirectory.builder().user(TestUsers.user("alex", "Alex Wilber")).build();
    UserId alex = UserId.of("alex");
    directory.setPassword(
        alex,
        directory.findUser(alex).orElseThrow().version(),
        Secret.of("Zq7#vXw-9kTp$Lm2"),
        true,
        AuditEvents.phoneEvent("e1", "mgr", "alex"));
    assertThat(directory.passwordHashOf(alex))
        .hasValueSatisfying(h -> assertThat(h.iterations()).isEqualTo(600_000));
    assertThat(directory.verifyPassword(alex, Secret.of("Zq7#vXw-9kTp$Lm2"))).isTrue();
  }

  @Test
  void hash_matchesOnlyItsPassword() {
    PasswordHash h = PasswordHash.of(Secret.of("Zq7#vXw-9kTp$Lm2"), 1_000, new SecureRandom());
    assertThat(h.matches(Secret.of("Zq7#vXw-9kTp$Lm2"))).isTrue();
    assertThat(h.matches(Secret.of("Zq7#vXw-9kTp$Lm3"))).isFalse();
  }
}
