package io.mystaff.tests.workflows;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.core.PasswordResetResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dynamic restricted-management unit whose rule cannot be decided for a user (the evaluation
 * spends its step budget): the attacker crafts a value, or an administrator a rule, so that the
 * rule gives up, hoping the user then falls out of the restricted unit and into a tenant-wide
 * manager's reach. The user stays protected, and the unit's own managers gain nothing either.
 */
class UndecidableRuleTest {
  /**
   * About 8,000 steps per character of the value: undecidable on 200 characters, not on "Sales".
   */
  private static final String UNDECIDABLE =
      "user.department -match \"(?:(?:)*(?:)*(?:)*(?:)*){999}z\" -or user.department -eq \"Board\"";

  private static final String SLOW = "a".repeat(200);

  private final Harness harness =
      Harness.of(
          StoreChain.fixture()
              .unit(
                  AdministrativeUnit.dynamic(UnitId.of("board"), "Board", UNDECIDABLE)
                      .withRestrictedManagement(true))
              .cloudUser("otto", u -> u.in("north").department("Sales"))
              .cloudUser("ines", u -> u.in("north").department("Board"))
              .admin("bea", AUTHENTICATION_ADMINISTRATOR, "board")
              .build(),
          b -> {});

  @AfterEach
  void close() {
    harness.close();
  }

  private void makeUndecidable(String alias) {
    harness.directory.putUser(
        harness.user(alias).toBuilder().attribute("department", SLOW).build());
  }

  private DenyReason denial(String manager, String target) {
    try {
      harness.signIn(manager).resetPassword(UserId.of(target));
    } catch (AccessDeniedException e) {
      return e.reason();
    }
    throw new AssertionError(manager + " reset " + target);
  }

  @Test
  void undecidableRuleKeepsUserInRestrictedUnit() {
    // Decided: otto is in no restricted unit, so his store's and the tenant's managers reach him.
    assertThat(harness.signIn("nina").resetPassword(UserId.of("otto")))
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);

    makeUndecidable("otto");

    assertThat(harness.directory.unitsOf(UserId.of("otto"))).containsExactly(UnitId.of("north"));
    assertThat(harness.directory.undecidedUnitsOf(UserId.of("otto")))
        .containsExactly(UnitId.of("board"));
    assertThat(denial("tara", "otto")).isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    assertThat(denial("nina", "otto")).isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    assertThat(harness.signIn("tara").profile(UserId.of("otto")).allowedActions())
        .containsExactly(io.mystaff.api.authz.StaffAction.VIEW_PROFILE);
  }

  @Test
  void undecidableRuleGrantsNoScope() {
    // Decided: ines is on the board, and the board's manager reaches her.
    assertThat(harness.signIn("bea").resetPassword(UserId.of("ines")))
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);

    makeUndecidable("otto");

    assertThat(denial("bea", "otto")).isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    assertThat(harness.directory.members(UnitId.of("board"), PageRequest.first(10)).items())
        .extracting(u -> u.id().value())
        .containsExactly("ines");
  }
}
