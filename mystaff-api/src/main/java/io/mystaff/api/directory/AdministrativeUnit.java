package io.mystaff.api.directory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UnitId;
import java.util.Optional;

/**
 * An administrative unit (a "location" in My Staff): a container of users to which admin roles can
 * be scoped.
 *
 * @param membershipRule present exactly when {@code membershipType} is {@link
 *     MembershipType#DYNAMIC}: a rule in Entra's syntax, e.g. {@code user.department -eq "Sales"}
 * @param restrictedManagement when true, only administrators assigned at the scope of this unit may
 *     change its members; tenant-scoped administrators may not
 * @param id the unit's id
 * @param displayName the name shown for the unit (its location name in My Staff)
 * @param description the unit's description, if any
 * @param membershipType assigned (members added one by one) or dynamic (members by rule)
 * @since 0.1.0
 */
public record AdministrativeUnit(
    UnitId id,
    String displayName,
    Optional<String> description,
    MembershipType membershipType,
    Optional<String> membershipRule,
    boolean restrictedManagement) {

  /**
   * Rejects a malformed component.
   *
   * @param id the unit's id
   * @param displayName the name shown for the unit (its location name in My Staff)
   * @param description the unit's description, if any
   * @param membershipType assigned (members added one by one) or dynamic (members by rule)
   * @param membershipRule present exactly when {@code membershipType} is {@link
   *     MembershipType#DYNAMIC}: a rule in Entra's syntax, e.g. {@code user.department -eq "Sales"}
   * @param restrictedManagement when true, only administrators assigned at the scope of this unit
   *     may change its members; tenant-scoped administrators may not
   * @throws InvalidInputException if a component is malformed
   */
  public AdministrativeUnit {
    requireNonNull(id, "id");
    displayName = Users.requireText(displayName, "unit display name", 256);
    requireNonNull(description, "description");
    requireNonNull(membershipType, "membershipType");
    requireNonNull(membershipRule, "membershipRule");
    if ((membershipType == MembershipType.DYNAMIC) != membershipRule.isPresent()) {
      throw InvalidInputException.of(
          "membership rule", "is required for dynamic units and forbidden for assigned ones");
    }
    if (membershipRule.isPresent()) {
      Users.requireText(membershipRule.get(), "membership rule", 3072);
    }
  }

  /**
   * An assigned-membership unit without description, not restricted.
   *
   * @param id the unit's id
   * @param displayName the unit's name
   * @return the unit
   */
  public static AdministrativeUnit assigned(UnitId id, String displayName) {
    return new AdministrativeUnit(
        id, displayName, Optional.empty(), MembershipType.ASSIGNED, Optional.empty(), false);
  }

  /**
   * A dynamic-membership unit without description.
   *
   * @param id the unit's id
   * @param displayName the unit's name
   * @param rule the membership rule in Entra's syntax
   * @return the unit
   * @throws InvalidInputException if {@code rule} is missing, blank or too long
   */
  public static AdministrativeUnit dynamic(UnitId id, String displayName, String rule) {
    return new AdministrativeUnit(
        id,
        displayName,
        Optional.empty(),
        MembershipType.DYNAMIC,
        Optional.ofNullable(rule),
        false);
  }

  /**
   * This unit with its restricted-management flag set as given.
   *
   * @param restricted true if only administrators scoped to this unit may change its members
   * @return a copy of this unit
   */
  public AdministrativeUnit withRestrictedManagement(boolean restricted) {
    return new AdministrativeUnit(
        id, displayName, description, membershipType, membershipRule, restricted);
  }

  /** {@return true if the unit's members follow a membership rule} */
  public boolean isDynamic() {
    return membershipType == MembershipType.DYNAMIC;
  }
}
