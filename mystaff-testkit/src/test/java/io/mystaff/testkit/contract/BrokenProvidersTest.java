package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.testkit.contract.BrokenProviders.Broken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The measure of the contract suites: every provider in {@link BrokenProviders} breaks one promise,
 * and its suite must fail (at the laws it names). A broken provider that passes its whole suite
 * fails this test, and so the build; the catch rate is stated in {@code docs/reliability.md}.
 */
class BrokenProvidersTest {
  /** The SPIs the broken providers must cover. */
  private static final Set<String> SPIS =
      Set.of(
          "Directory",
          "DirectoryWriter",
          "AuditSink",
          "PasswordWriteback",
          "PasswordPolicy",
          "UserNotifier",
          "WritebackJournal",
          "ApprovalStore");

  @TestFactory
  Stream<DynamicTest> everyBrokenProvider_caughtByItsLaws() {
    return BrokenProviders.all().stream()
        .map(
            b ->
                DynamicTest.dynamicTest(
                    b.spi() + " " + b.name(),
                    () -> {
                      Map<String, String> failed = run(b);
                      assertThat(failed)
                          .as(
                              "%s %s (%s) must fail at least one law of its suite",
                              b.spi(), b.name(), b.bug())
                          .isNotEmpty();
                      assertThat(failed.keySet())
                          .as("%s %s: the laws that fail; %s", b.spi(), b.name(), failed)
                          .containsAll(b.caughtBy());
                    }));
  }

  @Test
  void catalog_atLeastFortyAcrossEverySpi_uniqueNames() {
    List<Broken> all = BrokenProviders.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(40);
    assertThat(all.stream().map(Broken::spi).collect(Collectors.toSet())).isEqualTo(SPIS);
    assertThat(all.stream().map(Broken::name).distinct().count()).isEqualTo(all.size());
  }

  @Test
  void reliabilityDoc_statesTheCatchRate() throws IOException {
    Path doc = ContractLawTableTest.repositoryFile("docs/reliability.md");
    int n = BrokenProviders.all().size();
    assertThat(Files.readString(doc))
        .as("docs/reliability.md states the broken-provider catch rate (%d of %d)", n, n)
        .contains("**" + n + " of " + n + "**");
  }

  @Test
  void differentialMismatch_namesOperationIndexSeedAndFirstDifferingField() {
    Broken groupsDropped =
        BrokenProviders.all().stream()
            .filter(b -> b.name().equals("groupsDropped"))
            .findFirst()
            .orElseThrow();
    String failure = run(groupsDropped).get(DirectoryDifferentialLaw.NAME);
    assertThat(failure)
        .as("the differential law's report")
        .isNotNull()
        .contains("operation #", "of random tenant #", "law seed ")
        .containsPattern("results differ at result(\\[\\d+\\])*\\.groups");
  }

  @Test
  void differentialMismatchOfErrors_namesTypeAndCode() {
    Broken untyped =
        BrokenProviders.all().stream()
            .filter(b -> b.name().equals("negativeMaxLeaksStoreError"))
            .findFirst()
            .orElseThrow();
    assertThat(run(untyped).get(DirectoryWriterDifferentialLaw.NAME))
        .as("the differential law's report of an untyped error")
        .isNotNull()
        .contains("pendingAuditEvents(-")
        .contains("the reference threw InvalidInputException (INVALID_INPUT)")
        .contains("the provider threw java.lang.IllegalStateException");
  }

  /** Runs a broken provider's suite; the failed laws with their messages. */
  static Map<String, String> run(Broken b) {
    Map<String, String> failed = new LinkedHashMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    collect(b.suite().get(), tests);
    for (DynamicTest test : tests) {
      try {
        test.getExecutable().execute();
      } catch (TestAbortedException skipped) {
        // a feature the provider lacks: not a catch
      } catch (Throwable e) {
        failed.put(test.getDisplayName(), String.valueOf(e.getMessage()));
      }
    }
    return failed;
  }

  private static void collect(DynamicNode node, List<DynamicTest> out) {
    if (node instanceof DynamicTest t) {
      out.add(t);
    } else if (node instanceof DynamicContainer c) {
      c.getChildren().forEach(child -> collect(child, out));
    }
  }

  /** The names of the laws a broken provider fails, for writing its catalog entry. */
  static Set<String> failedLaws(Broken b) {
    return new TreeSet<>(run(b).keySet());
  }
}
