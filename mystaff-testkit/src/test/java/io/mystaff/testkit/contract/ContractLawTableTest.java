package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/contract-laws.md} equal to the suites' own law metadata (name, what it checks,
 * the features it needs). When a law changes, regenerate the table with
 *
 * <pre>{@code
 * mvn -B -pl mystaff-testkit -am test -Dtest=ContractLawTableTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dmystaff.contractLaws.write=true
 * }</pre>
 */
class ContractLawTableTest {
  static final String WRITE_PROPERTY = "mystaff.contractLaws.write";

  /** Every suite's laws, in the order the table lists them. */
  static Map<String, List<? extends Law<?, ?>>> suites() {
    Map<String, List<? extends Law<?, ?>>> suites = new LinkedHashMap<>();
    suites.put("Directory", DirectoryTestSuiteBuilder.using(t -> ghost()).laws());
    suites.put("DirectoryWriter", DirectoryWriterTestSuiteBuilder.using(t -> ghost()).laws());
    suites.put("AuditSink", AuditSinkTestSuiteBuilder.using(t -> ghost()).laws());
    suites.put("PasswordWriteback", PasswordWritebackTestSuiteBuilder.using(t -> ghost()).laws());
    suites.put("PasswordPolicy", PasswordPolicyTestSuiteBuilder.using(t -> ghost()).laws());
    suites.put("UserNotifier", UserNotifierTestSuiteBuilder.using(t -> ghost()).laws());
    suites.put("WritebackJournal", WritebackJournalTestSuiteBuilder.using(t -> ghost()).laws());
    suites.put("ApprovalStore", ApprovalStoreTestSuiteBuilder.using(t -> ghost()).laws());
    suites.put("CredentialDelivery", CredentialDeliveryTestSuiteBuilder.using(t -> ghost()).laws());
    suites.put("DelegationStore", DelegationStoreTestSuiteBuilder.using(t -> ghost()).laws());
    return suites;
  }

  // Never returns: the type parameter only lets one factory stand for every suite's subject.
  @SuppressWarnings("TypeParameterUnusedInFormals")
  private static <T> T ghost() {
    throw new AssertionError("the law table builds no subject");
  }

  static String render() {
    StringBuilder out = new StringBuilder();
    out.append("# Contract laws\n\n")
        .append(
            "<!-- Generated from the suites' law metadata by ContractLawTableTest; do not edit.\n")
        .append("     Regenerate: mvn -B -pl mystaff-testkit -am test -Dtest=ContractLawTableTest")
        .append(
            " -Dsurefire.failIfNoSpecifiedTests=false -Dmystaff.contractLaws.write=true -->\n\n")
        .append(
            "Every law of the SPI contract suites in `io.mystaff.testkit.contract`, suite by suite:")
        .append(
            " its name (the dynamic test's name in reports, and what `suppressing` takes), what it")
        .append(
            " checks, and the optional features it needs. A law that needs a feature the provider")
        .append(" declares absent is reported as skipped; one that needs no feature must pass. See")
        .append(" [providers.md](providers.md) for how to run the suites.\n");
    int total = 0;
    for (Map.Entry<String, List<? extends Law<?, ?>>> suite : suites().entrySet()) {
      out.append("\n## ")
          .append(suite.getKey())
          .append(" (")
          .append(suite.getValue().size())
          .append(" laws)\n\n")
          .append("| law | checks | needs |\n")
          .append("| --- | --- | --- |\n");
      for (Law<?, ?> law : suite.getValue()) {
        String needs =
            law.requires().isEmpty()
                ? "—"
                : law.requires().stream()
                    .map(f -> "`" + f.name() + "`")
                    .sorted()
                    .collect(Collectors.joining(", "));
        out.append("| `")
            .append(law.name())
            .append("` | ")
            .append(law.checks().replace("|", "\\|"))
            .append(" | ")
            .append(needs)
            .append(" |\n");
        total++;
      }
    }
    out.append("\n").append(total).append(" laws in all.\n");
    return out.toString();
  }

  @Test
  void committedTable_matchesTheSuites() throws IOException {
    Path table = repositoryFile("docs/contract-laws.md");
    String expected = render();
    if (Boolean.getBoolean(WRITE_PROPERTY)) {
      Files.writeString(table, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(table))
        .as("docs/contract-laws.md exists (regenerate with -D%s=true)", WRITE_PROPERTY)
        .isTrue();
    assertThat(Files.readString(table, StandardCharsets.UTF_8))
        .as("docs/contract-laws.md is stale: regenerate it with -D%s=true", WRITE_PROPERTY)
        .isEqualTo(expected);
  }

  @Test
  void everyLaw_namedOperationConditionOutcome_andUniqueInItsSuite() {
    suites()
        .forEach(
            (suite, laws) -> {
              List<String> names = laws.stream().map(Law::name).toList();
              assertThat(names).as("%s law names", suite).doesNotHaveDuplicates();
              assertThat(names)
                  .as("%s law names have the form operation_[condition_]outcome", suite)
                  .allMatch(n -> n.matches("[a-z][A-Za-z0-9]*(_[a-zA-Z][A-Za-z0-9]*){1,3}"));
            });
  }

  @Test
  void packageJavadoc_pointsToTheTable() throws IOException {
    String javadoc =
        Files.readString(
            repositoryFile(
                "mystaff-testkit/src/main/java/io/mystaff/testkit/contract/package-info.java"));
    assertThat(javadoc).contains("docs/contract-laws.md");
  }

  /** A file of the repository, found from the module directory the tests run in. */
  static Path repositoryFile(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("mystaff-testkit"))) {
      Path parent = dir.getParent();
      if (parent == null) {
        throw new AssertionError("not run inside the mystaff repository");
      }
      dir = parent;
    }
    return dir.resolve(relative);
  }
}
