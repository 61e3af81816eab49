package io.mystaff.membership;

import static io.mystaff.membership.RuleExpression.Comparison;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MembershipRuleTest {
  private static final User ALICE =
      user(
          "Alice Baker",
          Map.of(
              "department", "Sales",
              "city", "Seattle",
              "jobTitle", "Account Executive",
              "country", "US",
              "mail", "alice@contoso.com"));

  private static User user(String displayName, Map<String, String> attributes) {
    return User.builder()
        .id(UserId.of("aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb"))
        .userPrincipalName("alice@contoso.com")
        .displayName(displayName)
        .attributes(attributes)
        .build();
  }

  private static boolean eval(String rule, User user) {
    return MembershipRule.parse(rule).matches(user);
  }

  private static String reason(String rule) {
    try {
      MembershipRule.parse(rule);
    } catch (InvalidInputException e) {
      assertThat(e.violations()).hasSize(1);
      assertThat(e.violations().get(0).field()).isEqualTo(MembershipRule.FIELD);
      return e.violations().get(0).reason();
    }
    throw new AssertionError("expected " + rule + " to be rejected");
  }

  // ---- Examples from Microsoft's documentation -------------------------------------------------

  @Test
  void parse_briefExample_evaluatesEachClause() {
    String rule =
        "(user.department -eq \"Sales\") -and (user.city -in [\"Seattle\",\"Redmond\"])"
            + " -and -not (user.jobTitle -startsWith \"Temp\")";
    assertThat(eval(rule, ALICE)).isTrue();
    assertThat(eval(rule, with(ALICE, "jobTitle", "Temporary help"))).isFalse();
    assertThat(eval(rule, with(ALICE, "city", "Portland"))).isFalse();
    assertThat(eval(rule, with(ALICE, "department", "Marketing"))).isFalse();
    assertThat(MembershipRule.parse(rule).toString())
        .isEqualTo(
            "user.department -eq \"Sales\" -and user.city -in [\"Seattle\", \"Redmond\"]"
                + " -and -not (user.jobTitle -startsWith \"Temp\")");
  }

  /** Rules as Microsoft's documentation writes them, en dashes included. */
  static final List<String> DOCUMENTED_EXAMPLES =
      List.of(
          "user.department -eq \"Sales\"",
          "(user.department -eq \"Sales\") -or (user.department -eq \"Marketing\")",
          "(user.department -eq \"Sales\") -and -not (user.jobTitle -startsWith \"SDE\")",
          "user.department –eq \"Marketing\" –and user.country –eq \"US\"",
          "user.country –eq \"US\" –and (user.department –eq \"Marketing\" –or user.department –eq \"Sales\")",
          "user.department -in [\"50001\",\"50002\",\"50003\",\"50005\",\"50006\",\"50007\",\"50008\","
              + "\"50016\",\"50020\",\"50024\",\"50038\",\"50039\",\"51100\"]",
          "user.displayName -match \"^Da.*\"",
          "user.displayName -match \".*vid\"",
          "user.city -startswith \"Lag\"",
          "user.department -eq \"Accounts\" -and user.city -in [\"Lagos\", \"Ibadan\", \"Kaduna\", "
              + "\"Abuja\", \"Port Harcourt\"]",
          "user.city -notin [\"Lagos\", \"Ibadan\", \"Kaduna\", \"Abuja\", \"Port Harcourt\"]",
          "user.accountEnabled -eq true",
          "user.dirSyncEnabled -eq true",
          "user.employeeId -ne \"null\"",
          "user.mail -notEndsWith \"@Contoso.com\"",
          "user.mailNickname -endsWith \"-vendor\"",
          "user.objectId -eq \"aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb\"",
          "user.passwordPolicies -eq \"DisableStrongPassword\"",
          "user.preferredLanguage -eq \"en-US\"",
          "user.usageLocation -eq \"US\"",
          "user.userPrincipalName -eq \"alias@domain\"",
          "user.userType -eq \"Member\"",
          "user.onPremisesSecurityIdentifier -startsWith \"S-1-5-21\"",
          "user.department -eq null",
          "user.mail –ne null",
          "user.objectId -ne null",
          "(user.objectId -ne null) -and (user.userType -eq \"Member\")",
          "(user.extensionAttribute15 -eq \"Marketing\")",
          "user.extension_c272a57b722d4eb29bfe327874ae79cb_OfficeNumber -eq \"123\"");

  @Test
  void userType_readsTheTypedUserType_notAnAttribute() {
    User guest = ALICE.toBuilder().userType(io.mystaff.api.directory.UserType.GUEST).build();
    assertThat(eval("user.userType -eq \"Member\"", ALICE)).isTrue();
    assertThat(eval("user.userType -eq \"guest\"", ALICE)).isFalse();
    assertThat(eval("user.userType -eq \"Guest\"", guest)).isTrue();
    assertThat(eval("user.userType -ne \"Member\"", guest)).isTrue();
    assertThatThrownBy(() -> ALICE.toBuilder().attribute("UserType", "Guest").build())
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void parse_documentedExamples_accepted() {
    for (String example : DOCUMENTED_EXAMPLES) {
      MembershipRule rule = MembershipRule.parse(example);
      assertThat(rule.source()).isEqualTo(example);
      assertThat(MembershipRule.parse(rule.toString())).as(example).isEqualTo(rule);
    }
  }

  @Test
  void match_documentedExamples_findAnywhere() {
    for (String name : List.of("Da", "Dav", "David")) {
      assertThat(eval("user.displayName -match \"^Da.*\"", with(ALICE, name))).as(name).isTrue();
    }
    assertThat(eval("user.displayName -match \"^Da.*\"", with(ALICE, "aDa"))).isFalse();
    assertThat(eval("user.displayName -match \".*vid\"", with(ALICE, "David"))).isTrue();
    assertThat(eval("user.displayName -match \".*vid\"", with(ALICE, "Da"))).isFalse();
  }

  @Test
  void allUsersRule_objectIdNeNull_matchesEveryone() {
    assertThat(eval("user.objectId -ne null", ALICE)).isTrue();
    assertThat(eval("user.objectId -ne null", user("Bob", Map.of()))).isTrue();
    assertThat(eval("user.objectId -eq null", ALICE)).isFalse();
  }

  // ---- Operators ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-eq            | \"sales\"                  | true",
        "-eq            | \"Sale\"                   | false",
        "-ne            | \"SALES\"                  | false",
        "-ne            | \"Marketing\"              | true",
        "-startsWith    | \"sa\"                     | true",
        "-startsWith    | \"ales\"                   | false",
        "-notStartsWith | \"SA\"                     | false",
        "-notStartsWith | \"x\"                      | true",
        "-endsWith      | \"LES\"                    | true",
        "-endsWith      | \"Sal\"                    | false",
        "-notEndsWith   | \"es\"                     | false",
        "-notEndsWith   | \"Sal\"                    | true",
        "-contains      | \"ALE\"                    | true",
        "-contains      | \"\"                       | true",
        "-contains      | \"sold\"                   | false",
        "-notContains   | \"al\"                     | false",
        "-notContains   | \"xyz\"                    | true",
        "-in            | [\"Marketing\", \"SALES\"] | true",
        "-in            | [\"Marketing\"]            | false",
        "-notIn         | [\"sales\"]                | false",
        "-notIn         | [\"Marketing\", \"HR\"]    | true",
        "-match         | \"^s.l\"                   | true",
        "-match         | \"es$\"                    | true",
        "-match         | \"^ales\"                  | false",
        "-notMatch      | \"L{1}E\"                  | false",
        "-notMatch      | \"^x\"                     | true",
      })
  void operator_againstPresentValue_caseInsensitive(
      String operator, String value, boolean expected) {
    assertThat(eval("user.department " + operator + " " + value, ALICE)).isEqualTo(expected);
  }

  @Test
  void operators_againstAbsentValue_positiveFalseNegativeTrue() {
    User nobody = user("Nobody", Map.of());
    for (RuleOperator operator : RuleOperator.values()) {
      String operand = operator.takesList() ? "[\"x\"]" : "\"x\"";
      assertThat(eval("user.department " + operator.token() + " " + operand, nobody))
          .as(operator.token())
          .isEqualTo(operator.isNegative());
    }
  }

  @Test
  void operators_spelledAnyCaseWithOrWithoutHyphen_sameRule() {
    MembershipRule canonical =
        MembershipRule.parse(
            "user.department -eq \"Sales\" -and -not (user.city -notStartsWith \"Sea\")");
    for (String variant :
        List.of(
            "user.department eq \"Sales\" and not (user.city notstartswith \"Sea\")",
            "USER.DEPARTMENT -EQ \"Sales\" -AND -NOT (User.City -NotStartsWith \"Sea\")",
            "user.department –eq \"Sales\" –and –not (user.city –notStartsWith \"Sea\")",
            "((user.department -eq 'Sales')) -and -not user.city -notStartsWith \"Sea\"",
            "\tuser.department\n-eq\u00a0\"Sales\"-and -not(user.city -notStartsWith\"Sea\")  ")) {
      assertThat(MembershipRule.parse(variant)).as(variant).isEqualTo(canonical);
    }
  }

  @Test
  void in_hugeList_evaluatesMembership() {
    StringBuilder rule = new StringBuilder("user.employeeId -in [");
    for (int i = 0; i < 400; i++) {
      rule.append(i == 0 ? "" : ",").append(i * 7);
    }
    rule.append(']');
    MembershipRule parsed = MembershipRule.parse(rule.toString());
    assertThat(parsed.matches(with(ALICE, "employeeId", "2793"))).isTrue();
    assertThat(parsed.matches(with(ALICE, "employeeId", "2794"))).isFalse();
  }

  // ---- Precedence -----------------------------------------------------------------------------

  @Test
  void precedence_andBindsTighterThanOr() {
    RuleExpression parsed =
        MembershipRule.parse("user.city -eq \"a\" -or user.city -eq \"b\" -and user.city -eq \"c\"")
            .expression();
    assertThat(parsed)
        .isEqualTo(
            RuleExpression.or(
                Comparison.of("city", RuleOperator.EQ, "a"),
                RuleExpression.and(
                    Comparison.of("city", RuleOperator.EQ, "b"),
                    Comparison.of("city", RuleOperator.EQ, "c"))));
    // true -or (false -and false) is true; (true -or false) -and false would be false.
    assertThat(
            eval(
                "user.department -eq \"Sales\" -or user.city -eq \"x\" -and user.city -eq \"y\"",
                ALICE))
        .isTrue();
    assertThat(
            eval(
                "(user.department -eq \"Sales\" -or user.city -eq \"x\") -and user.city -eq \"y\"",
                ALICE))
        .isFalse();
  }

  @Test
  void precedence_notBindsTighterThanAndButLooserThanComparison() {
    assertThat(
            MembershipRule.parse("-not user.city -eq \"a\" -and user.city -eq \"b\"").expression())
        .isEqualTo(
            RuleExpression.and(
                RuleExpression.not(Comparison.of("city", RuleOperator.EQ, "a")),
                Comparison.of("city", RuleOperator.EQ, "b")));
    assertThat(eval("-not user.department -eq \"Sales\" -or user.city -eq \"Seattle\"", ALICE))
        .isTrue();
    assertThat(eval("-not (user.department -eq \"Sales\" -or user.city -eq \"Seattle\")", ALICE))
        .isFalse();
    assertThat(eval("-not -not user.department -eq \"Sales\"", ALICE)).isTrue();
  }

  @Test
  void parentheses_associativeChainsFlatten_equalRules() {
    MembershipRule flat =
        MembershipRule.parse("user.city -eq 1 -and user.city -eq 2 -and user.city -eq 3");
    assertThat(MembershipRule.parse("(user.city -eq 1 -and user.city -eq 2) -and user.city -eq 3"))
        .isEqualTo(flat);
    assertThat(
            MembershipRule.parse("user.city -eq 1 -and (user.city -eq 2 -and (user.city -eq 3))"))
        .isEqualTo(flat)
        .hasSameHashCodeAs(flat);
    assertThat(((RuleExpression.And) flat.expression()).operands()).hasSize(3);
  }

  // ---- Strings, escaping, numbers -------------------------------------------------------------

  @Test
  void strings_backtickEscapesQuoteAndBacktick() {
    assertThat(value("user.department -eq \"`\"Sales`\"\"")).isEqualTo("\"Sales\"");
    assertThat(value("user.department -eq \"a``b\"")).isEqualTo("a`b");
    assertThat(value("user.department -eq \"a`b\"")).isEqualTo("a`b");
    assertThat(value("user.department -eq \"ends with ``\"")).isEqualTo("ends with `");
    // A backtick before the closing quote escapes it: a trailing backtick must be doubled.
    assertThat(reason("user.department -eq \"ends with `\""))
        .isEqualTo("at position 21: the string that starts here is never closed");
    assertThat(value("user.department -eq 'O''Brien'")).isEqualTo("O'Brien");
    assertThat(value("user.department -eq 'say \"hi\"'")).isEqualTo("say \"hi\"");
    assertThat(eval("user.department -eq \"`\"Sales`\"\"", with(ALICE, "department", "\"Sales\"")))
        .isTrue();
  }

  @Test
  void print_trickyStrings_roundTrip() {
    for (String text :
        List.of(
            "",
            "`",
            "``",
            "\"",
            "`\"",
            "a`\"b\"`",
            "'",
            "''",
            "(",
            "]",
            ",",
            " -and ",
            "line\nbreak",
            "null",
            "true",
            "\\d+",
            "日本語",
            "\uD83D\uDE00")) {
      RuleExpression expression = Comparison.of("department", RuleOperator.EQ, text);
      assertThat(MembershipRule.parse(expression.canonicalText()).expression())
          .as(expression.canonicalText())
          .isEqualTo(expression);
    }
  }

  @Test
  void values_unquotedNumbersAreStrings() {
    assertThat(MembershipRule.parse("user.employeeId -eq 1042"))
        .isEqualTo(MembershipRule.parse("user.employeeId -eq \"1042\""));
    assertThat(eval("user.employeeId -in [7, 10.5]", with(ALICE, "employeeId", "10.5"))).isTrue();
  }

  // ---- null and booleans ----------------------------------------------------------------------

  @Test
  void null_testsPresence_quotedNullIsAString() {
    assertThat(eval("user.department -eq null", ALICE)).isFalse();
    assertThat(eval("user.department -ne null", ALICE)).isTrue();
    assertThat(eval("user.state -eq NULL", ALICE)).isTrue();
    assertThat(eval("user.state -eq $null", ALICE)).isTrue();
    assertThat(eval("user.state -eq \"null\"", ALICE)).isFalse();
    assertThat(eval("user.state -eq \"null\"", with(ALICE, "state", "NULL"))).isTrue();
    assertThat(reason("user.state -contains null"))
        .isEqualTo("at position 12: null can only be compared with -eq or -ne, not -contains");
  }

  @Test
  void booleans_compareAccountEnabledAndDirSync() {
    User disabledSynced =
        ALICE.toBuilder().accountEnabled(false).source(UserSource.SYNCED_FROM_ON_PREMISES).build();
    assertThat(eval("user.accountEnabled -eq true", ALICE)).isTrue();
    assertThat(eval("user.accountEnabled -eq false", disabledSynced)).isTrue();
    assertThat(eval("user.accountEnabled -ne \"TRUE\"", disabledSynced)).isTrue();
    assertThat(eval("user.dirSyncEnabled -eq true", disabledSynced)).isTrue();
    assertThat(eval("user.dirSyncEnabled -eq True", ALICE)).isFalse();
    assertThat(reason("user.accountEnabled -startsWith \"t\""))
        .contains("position 21")
        .contains("boolean")
        .contains("-eq or -ne");
    assertThat(reason("user.accountEnabled -eq null"))
        .contains("position 21")
        .contains("true or false");
    assertThat(reason("user.department -eq true")).contains("position 17").contains("quotes");
  }

  // ---- Errors ---------------------------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~~ | at position 1: expected a condition such as user.department -eq \"Sales\", \"(\" or -not but found the end of the rule",
        "user.department | at position 16: expected a comparison operator",
        "user.department -eq | at position 20: expected a value (a quoted string, a number, true, false or null) but found the end of the rule",
        "user.department -equals \"x\" | at position 17: expected a comparison operator (-eq, -ne, -startsWith, -notStartsWith, -endsWith, -notEndsWith, -contains, -notContains, -in, -notIn, -match, -notMatch) but found \"-equals\"",
        "user.department -eq Sales | at position 21: expected a value (a quoted string, a number, true, false or null) but found \"Sales\"",
        "user.departmnet -eq \"x\" | at position 1: \"user.departmnet\" is not a supported user property",
        "user. -eq \"x\" | at position 1: expected a property name after \"user.\" but found \"user.\"",
        "device.deviceOSType -eq \"iPad\" | at position 1: device rules are not supported",
        "department -eq \"x\" | at position 1: expected a condition such as",
        "user.city -eq \"x\" user.city -eq \"y\" | at position 19: expected -and, -or, \")\" or the end of the rule but found \"user.city\"",
        "user.city -eq \"x\" -and | at position 23: expected a condition",
        "(user.city -eq \"x\" | at position 1: \"(\" is never closed",
        "user.city -eq \"x\")) | at position 18: found \")\" without a matching \"(\"",
        "user.city -eq \"x | at position 15: the string that starts here is never closed",
        "user.city -eq 'x | at position 15: the string that starts here is never closed",
        "user.city -in \"x\" | at position 15: expected \"[\" to start the list of -in but found the string \"x\"",
        "user.city -in [] | at position 16: expected a value",
        "user.city -in [\"a\" \"b\"] | at position 20: expected \",\" or \"]\" but found the string \"b\"",
        "user.city -in [\"a\", ] | at position 21: expected a value",
        "user.city -in [\"a\", null] | at position 11: null can only be compared with -eq or -ne, not -in",
        "user.city -eq [\"a\"] | at position 15: -eq compares with a single value; use -in or -notIn for a list",
        "user.city -match \"(unclosed\" | at position 11: the regular expression is invalid near index 9 of the pattern: Unclosed group",
        "user.proxyAddresses -any (_ -startsWith \"contoso\") | at position 1: \"user.proxyAddresses\" is not a supported user property",
        "user.city -any (_ -eq \"x\") | at position 11: -any and -all apply to multi-valued properties",
        "user.city -ge \"x\" | at position 11: -ge and -le apply to dates",
        "user.city -not null | at position 11: expected a comparison operator",
        "user.city --eq \"x\" | at position 11: expected a comparison operator",
        "user.city -eq \"x\" --and user.city -eq \"y\" | at position 19: expected -and, -or",
        "-not | at position 5: expected a condition",
        "() | at position 2: expected a condition",
        "user.city -eq \"x\" -and (user.city -eq \"y\" | at position 24: \"(\" is never closed",
        "user.city -eq “x” | at position 15: expected a value",
      })
  void parse_invalid_reasonNamesPositionAndExpectation(String rule, String expectedReasonStart) {
    assertThat(reason(rule)).startsWith(expectedReasonStart);
  }

  @Test
  void parse_null_rejectedAsInvalidInput() {
    assertThatThrownBy(() -> MembershipRule.parse(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("membership rule: is required");
  }

  @Test
  void parse_maximumLength_acceptedOneMoreRejected() {
    String prefix = "user.department -eq \"";
    String atLimit = prefix + "x".repeat(MembershipRule.MAX_LENGTH - prefix.length() - 1) + "\"";
    assertThat(atLimit).hasSize(MembershipRule.MAX_LENGTH);
    assertThat(MembershipRule.parse(atLimit).matches(ALICE)).isFalse();
    String overLimit = atLimit + " ";
    assertThat(reason(overLimit)).isEqualTo("must be at most 3072 characters, but has 3073");
  }

  @Test
  void parse_maximumDepth_acceptedOneMoreRejected() {
    String comparison = "user.department -eq \"Sales\"";
    String atLimit = "-not ".repeat(RuleExpression.MAX_DEPTH) + comparison;
    assertThat(MembershipRule.parse(atLimit).expression().depth())
        .isEqualTo(RuleExpression.MAX_DEPTH);
    assertThat(MembershipRule.parse(atLimit).matches(ALICE)).isTrue(); // an even number of -not
    String overLimit = "-not " + atLimit;
    assertThat(reason(overLimit))
        .isEqualTo("at position 1: -not, -and and -or nest deeper than 64 levels");
  }

  @Test
  void parse_alternatingAndOrTooDeep_rejectedAtTheOffendingOperator() {
    StringBuilder rule = new StringBuilder("user.city -eq 0");
    for (int i = 1; i <= 65; i++) {
      rule.insert(0, '(')
          .append(i % 2 == 0 ? " -and " : " -or ")
          .append("user.city -eq ")
          .append(i)
          .append(')');
    }
    assertThat(reason(rule.toString()))
        .contains("nest deeper than 64 levels")
        .startsWith("at position ");
  }

  @Test
  void parse_redundantParenthesesAnyDepth_accepted() {
    String rule = "(".repeat(1500) + "user.city -eq 1" + ")".repeat(1500);
    assertThat(MembershipRule.parse(rule).expression())
        .isEqualTo(Comparison.of("city", RuleOperator.EQ, "1"));
    assertThat(reason("(".repeat(3000))).startsWith("at position 3001: expected a condition");
  }

  // ---- Regular expressions --------------------------------------------------------------------

  @Test
  void match_catastrophicBacktrackingPattern_decidedWithoutBacktracking() {
    // A backtracking matcher tries every way to split 24 a's into 25 pieces; the automaton does
    // not.
    User victim = with(ALICE, "department", "a".repeat(24));
    MembershipRule match = MembershipRule.parse("user.department -match \"(.*a){25}\"");
    MembershipRule notMatch = MembershipRule.parse("user.department -notMatch \"(.*a){25}\"");
    assertThat(match.evaluate(victim)).isEqualTo(RuleOutcome.NO_MATCH);
    assertThat(notMatch.evaluate(victim)).isEqualTo(RuleOutcome.MATCH);
    assertThat(match.matches(with(ALICE, "department", "a".repeat(25)))).isTrue();
    assertThat(notMatch.matches(with(ALICE, "department", "b"))).isTrue();
  }

  @Test
  void match_deepRepetitionOnLongValue_decidedWhateverTheStack() {
    User longValue = with(ALICE, "department", "ab".repeat(128));
    MembershipRule rule =
        MembershipRule.parse("user.department -match \"^((a|b)|(c|d)|(?:e|f))*$\"");
    assertThat(rule.evaluate(longValue)).isEqualTo(RuleOutcome.MATCH);
    assertThat(rule.evaluate(with(ALICE, "department", "ab".repeat(127) + "x")))
        .isEqualTo(RuleOutcome.NO_MATCH);
  }

  // ---- Rule values ----------------------------------------------------------------------------

  @Test
  void referencedProperties_lowerCaseNamesOfEveryComparison() {
    MembershipRule rule =
        MembershipRule.parse(
            "(user.Department -eq \"Sales\") -and "
                + "-not (user.JOBTITLE -startsWith \"Temp\" -or user.city -in [\"a\"]) -or "
                + "user.accountEnabled -eq true -or user.extension_C272A57B722D4EB29BFE327874AE79CB_Office -eq 1");
    assertThat(rule.referencedProperties())
        .containsExactly(
            "accountenabled",
            "city",
            "department",
            "extension_c272a57b722d4eb29bfe327874ae79cb_office",
            "jobtitle");
    assertThatThrownBy(() -> rule.referencedProperties().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equality_byTree_sourceKept_toStringCanonical() {
    MembershipRule a = MembershipRule.parse("user.DEPARTMENT eq 'Sales'");
    MembershipRule b = MembershipRule.parse("(user.department -eq \"Sales\")");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.source()).isEqualTo("user.DEPARTMENT eq 'Sales'");
    assertThat(a).hasToString("user.department -eq \"Sales\"");
    assertThat(a).isNotEqualTo(MembershipRule.parse("user.department -eq \"Sales \""));
  }

  @Test
  void of_expression_sourceIsCanonicalText() {
    RuleExpression expression =
        RuleExpression.and(
            Comparison.of("department", RuleOperator.EQ, "Sales"),
            RuleExpression.or(
                Comparison.of("city", RuleOperator.EQ, "Seattle"),
                Comparison.of(
                    RuleProperty.of("accountenabled"), RuleOperator.NE, RuleValue.bool(false))));
    MembershipRule rule = MembershipRule.of(expression);
    assertThat(rule.source())
        .isEqualTo(
            "user.department -eq \"Sales\" -and (user.city -eq \"Seattle\" -or user.accountEnabled -ne false)");
    assertThat(rule.matches(ALICE)).isTrue();
    assertThat(MembershipRule.parse(rule.source())).isEqualTo(rule);
    RuleExpression huge =
        Comparison.of("department", RuleOperator.EQ, "x".repeat(MembershipRule.MAX_LENGTH));
    assertThatThrownBy(() -> MembershipRule.of(huge)).isInstanceOf(InvalidInputException.class);
  }

  private static String value(String rule) {
    Comparison c = (Comparison) MembershipRule.parse(rule).expression();
    return ((RuleValue.Text) c.values().get(0)).value();
  }

  private static User with(User user, String name) {
    return user.toBuilder().displayName(name).build();
  }

  private static User with(User user, String attribute, String value) {
    return user.toBuilder().attribute(attribute, value).build();
  }
}
