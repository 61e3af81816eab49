package io.mystaff.testkit.contract;

import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.core.password.EntraPasswordPolicy;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** Core's cloud and on-premises password policies run the password-policy contract. */
class CorePasswordPolicyContractTest {
  @TestFactory
  DynamicContainer entra() {
    return PasswordPolicyTestSuiteBuilder.using(tenant -> EntraPasswordPolicy.standard())
        .named("EntraPasswordPolicy.standard()")
        .minimumLength(EntraPasswordPolicy.MIN_LENGTH)
        .withFeatures(PasswordPolicyFeature.values())
        .build();
  }

  @TestFactory
  DynamicContainer entraWithTenantName() {
    return PasswordPolicyTestSuiteBuilder.using(
            tenant ->
                EntraPasswordPolicy.builder()
                    .tenantName("Contoso")
                    .customBannedPasswords(java.util.List.of("storefront"))
                    .build())
        .named("EntraPasswordPolicy with tenant name and custom list")
        .minimumLength(EntraPasswordPolicy.MIN_LENGTH)
        .withFeatures(PasswordPolicyFeature.values())
        .build();
  }

  @TestFactory
  DynamicContainer activeDirectory() {
    return PasswordPolicyTestSuiteBuilder.using(tenant -> ActiveDirectoryPasswordPolicy.defaults())
        .named("ActiveDirectoryPasswordPolicy.defaults()")
        .minimumLength(ActiveDirectoryPasswordPolicy.DEFAULT_MINIMUM_LENGTH)
        .withFeatures(PasswordPolicyFeature.values())
        .build();
  }

  @TestFactory
  DynamicContainer activeDirectoryWithoutHistory() {
    return PasswordPolicyTestSuiteBuilder.using(
            tenant ->
                ActiveDirectoryPasswordPolicy.builder()
                    .minimumLength(12)
                    .enforceHistory(false)
                    .build())
        .named("ActiveDirectoryPasswordPolicy, 12 characters, no history")
        .minimumLength(12)
        .withFeatures(PasswordPolicyFeature.REJECTS_USER_NAMES)
        .withoutFeatures(PasswordPolicyFeature.ENFORCES_HISTORY)
        .build();
  }
}
