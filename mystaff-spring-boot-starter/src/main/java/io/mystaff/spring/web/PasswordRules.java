package io.mystaff.spring.web;

import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * What a password a manager chooses for a synced user must be, as the page shows it before they
 * type: the on-premises policy's rules and mystaff's own floor.
 *
 * @param policy the policy's name
 * @param minimumLength the fewest characters
 * @param rules each rule as a sentence
 */
record PasswordRules(String policy, int minimumLength, List<String> rules) {
  PasswordRules {
    rules = List.copyOf(rules);
  }

  static PasswordRules of(ActiveDirectoryPasswordPolicy policy, int managerMinimum) {
    int min = Math.max(policy.minimumLength(), managerMinimum);
    List<String> rules = new ArrayList<>();
    rules.add("At least " + min + " characters.");
    if (policy.complexityEnabled()) {
      rules.add(
          "Characters from at least "
              + ActiveDirectoryPasswordPolicy.REQUIRED_CATEGORIES
              + " of: uppercase letters, lowercase letters, digits, symbols.");
      rules.add("Must not contain the user's account name or parts of their full name.");
    }
    if (policy.enforcesHistory()) {
      rules.add("Must not be one of the user's recent passwords.");
    }
    rules.add("No control characters or line breaks.");
    return new PasswordRules(policy.name(), min, rules);
  }
}
