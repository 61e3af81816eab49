package io.mystaff.core.authz;

import static io.mystaff.api.authz.StaffAction.MANAGE_PHONES;
import static io.mystaff.api.authz.StaffAction.RESET_PASSWORD;
import static io.mystaff.api.authz.StaffAction.VIEW_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.RoleId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tables the engine precomputes once per JVM (protection rows, matrix columns, compiled
 * catalogs), checked directly: through the engine they are only ever built in static initializers,
 * so a wrong table would be visible only as a wrong decision somewhere else.
 */
class RoleTablesTest {

  @ParameterizedTest
  @EnumSource(BuiltInRole.class)
  void targetRowOf_builtInRole_theRowOfTheSameNameElseOtherRole(BuiltInRole role) {
    TargetRow sameName =
        Arrays.stream(TargetRow.values())
            .filter(row -> row.name().equals(role.name()))
            .findFirst()
            .orElse(TargetRow.OTHER_ROLE);

    assertThat(TargetRow.of(role)).isEqualTo(sameName);
  }

  @Test
  void targetRowOf_rolesWithoutARowInEntrasTables_otherRole() {
    assertThat(TargetRow.of(BuiltInRole.SECURITY_ADMINISTRATOR)).isEqualTo(TargetRow.OTHER_ROLE);
    assertThat(TargetRow.of(BuiltInRole.GLOBAL_READER)).isEqualTo(TargetRow.OTHER_ROLE);
  }

  @Test
  void targetRow_bits_distinctSingleBits() {
    long all = 0L;
    for (TargetRow row : TargetRow.values()) {
      assertThat(Long.bitCount(row.bit())).as("%s", row).isEqualTo(1);
      assertThat(all & row.bit()).as("%s overlaps an earlier row", row).isZero();
      all |= row.bit();
    }
  }

  @ParameterizedTest
  @EnumSource(BuiltInRole.class)
  void mask_viewProfile_noColumnForAnyRole(BuiltInRole role) {
    assertThat(ProtectionMatrix.mask(VIEW_PROFILE, role)).isZero();
  }

  @Test
  void mask_roleWithoutColumn_zero() {
    assertThat(ProtectionMatrix.mask(RESET_PASSWORD, BuiltInRole.DIRECTORY_READERS)).isZero();
    assertThat(ProtectionMatrix.mask(MANAGE_PHONES, BuiltInRole.HELPDESK_ADMINISTRATOR)).isZero();
  }

  @Test
  void mask_roleWithColumn_exactlyTheRowsOfItsColumn() {
    assertThat(ProtectionMatrix.mask(RESET_PASSWORD, BuiltInRole.PASSWORD_ADMINISTRATOR))
        .isEqualTo(
            bits(
                TargetRow.NON_ADMIN,
                TargetRow.DIRECTORY_READERS,
                TargetRow.GUEST_INVITER,
                TargetRow.PASSWORD_ADMINISTRATOR));
    assertThat(ProtectionMatrix.mask(MANAGE_PHONES, BuiltInRole.GLOBAL_ADMINISTRATOR))
        .isEqualTo(bits(TargetRow.values()));
  }

  @Test
  void customRoleAndUnitScopedRows_asDocumented() {
    assertThat(ProtectionMatrix.mask(ProtectionMatrix.CUSTOM_ROLE))
        .isEqualTo(bits(TargetRow.NON_ADMIN));
    assertThat(ProtectionMatrix.mask(ProtectionMatrix.UNIT_SCOPED))
        .isEqualTo(bits(TargetRow.NON_ADMIN));
  }

  @Test
  void compiledCatalog_isForExactlyThatInstance() {
    List<RoleDefinition> definitions =
        List.of(
            RoleDefinition.custom(
                RoleId.of("custom-resetter"), "Resetter", Set.of(RESET_PASSWORD.resourceAction())));
    RoleCatalog catalog = RoleCatalog.of(definitions);
    CatalogRules rules = CatalogRules.compile(catalog);

    assertThat(rules.isFor(catalog)).isTrue();
    assertThat(rules.isFor(RoleCatalog.of(definitions))).as("an equal catalog").isFalse();
  }

  @Test
  void compiledCatalog_resolvesBuiltInCustomAndUnknownRoles() {
    RoleId resetter = RoleId.of("custom-resetter");
    CatalogRules rules =
        CatalogRules.compile(
            RoleCatalog.of(
                List.of(
                    RoleDefinition.custom(
                        resetter, "Resetter", Set.of(RESET_PASSWORD.resourceAction())))));

    RoleRules helpdesk = rules.resolve(BuiltInRole.HELPDESK_ADMINISTRATOR.templateId());
    assertThat(helpdesk.rows(RESET_PASSWORD))
        .isEqualTo(ProtectionMatrix.mask(RESET_PASSWORD, BuiltInRole.HELPDESK_ADMINISTRATOR));
    assertThat(helpdesk.rowAsTarget()).isEqualTo(TargetRow.HELPDESK_ADMINISTRATOR.bit());

    RoleRules custom = rules.resolve(resetter);
    assertThat(custom.rows(RESET_PASSWORD)).isEqualTo(bits(TargetRow.NON_ADMIN));
    assertThat(custom.grants(MANAGE_PHONES)).isFalse();
    assertThat(custom.rowAsTarget()).isEqualTo(TargetRow.OTHER_ROLE.bit());

    assertThat(rules.resolve(RoleId.of("nobody-knows"))).isSameAs(RoleRules.UNKNOWN);
  }

  @Test
  void customRole_listingTheViewAction_grantsOnlyChangeActionsItLists() {
    RoleRules reader =
        RoleRules.custom(
            RoleDefinition.custom(
                RoleId.of("custom-reader"),
                "Reader",
                Set.of(VIEW_PROFILE.resourceAction(), MANAGE_PHONES.resourceAction())));

    assertThat(reader.grants(VIEW_PROFILE)).isFalse();
    assertThat(reader.grants(RESET_PASSWORD)).isFalse();
    assertThat(reader.grants(MANAGE_PHONES)).isTrue();
  }

  @Test
  void
      unitScopeAssignability_builtInsFromEntrasList_customByUserGroupOrDevicePermission_unknownNever() {
    for (BuiltInRole role : BuiltInRole.values()) {
      assertThat(RoleRules.builtIn(role.templateId()).assignableAtUnitScope())
          .as("%s", role)
          .isEqualTo(role.isAssignableAtUnitScope());
    }
    assertThat(
            RoleRules.builtIn(BuiltInRole.GLOBAL_ADMINISTRATOR.templateId())
                .assignableAtUnitScope())
        .isFalse();
    assertThat(
            RoleRules.builtIn(BuiltInRole.HELPDESK_ADMINISTRATOR.templateId())
                .assignableAtUnitScope())
        .isTrue();
    for (String action :
        List.of(
            "microsoft.directory/users/basic/update",
            "microsoft.directory/groups/members/update",
            "microsoft.directory/devices/delete")) {
      assertThat(
              RoleRules.custom(RoleDefinition.custom(RoleId.of("c"), "C", Set.of(action)))
                  .assignableAtUnitScope())
          .as("custom role with %s", action)
          .isTrue();
    }
    assertThat(
            RoleRules.custom(
                    RoleDefinition.custom(
                        RoleId.of("c"), "C", Set.of("microsoft.directory/applications/create")))
                .assignableAtUnitScope())
        .isFalse();
    assertThat(
            RoleRules.custom(RoleDefinition.custom(RoleId.of("c"), "C", Set.of()))
                .assignableAtUnitScope())
        .isFalse();
    assertThat(RoleRules.UNKNOWN.assignableAtUnitScope()).isFalse();
  }

  private static long bits(TargetRow... rows) {
    long m = 0L;
    for (TargetRow r : EnumSet.copyOf(Arrays.asList(rows))) {
      m |= 1L << r.ordinal();
    }
    return m;
  }
}
