package io.mystaff.testkit.contract;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The outcome of launching one {@link SelfTestOnly} class on the JUnit Platform, test by test
 * (dynamic tests are named after their laws).
 */
final class SuiteRun {
  private final Map<String, TestExecutionResult> results;

  private SuiteRun(Map<String, TestExecutionResult> results) {
    this.results = results;
  }

  static SuiteRun of(Class<?> suiteClass) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(suiteClass))
            .configurationParameter(SelfTestOnly.KEY, "true")
            .build();
    Map<String, TestExecutionResult> results = new LinkedHashMap<>();
    LauncherFactory.create()
        .execute(
            request,
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                  results.put(id.getDisplayName(), result);
                }
              }

              @Override
              public void executionSkipped(TestIdentifier id, String reason) {
                throw new AssertionError(suiteClass.getSimpleName() + " was not run: " + reason);
              }
            });
    if (results.isEmpty()) {
      throw new AssertionError(suiteClass.getSimpleName() + " ran no test");
    }
    return new SuiteRun(results);
  }

  Set<String> failed() {
    return with(TestExecutionResult.Status.FAILED);
  }

  Set<String> skipped() {
    return with(TestExecutionResult.Status.ABORTED);
  }

  Set<String> passed() {
    return with(TestExecutionResult.Status.SUCCESSFUL);
  }

  /** The failure message of a test, for checking that a law fails for the right reason. */
  String failureOf(String law) {
    TestExecutionResult r = results.get(law);
    if (r == null) {
      throw new AssertionError("no test named " + law + " in " + results.keySet());
    }
    return r.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
  }

  private Set<String> with(TestExecutionResult.Status status) {
    Set<String> names = new TreeSet<>();
    results.forEach(
        (name, r) -> {
          if (r.getStatus() == status) {
            names.add(name);
          }
        });
    return names;
  }

  @Override
  public String toString() {
    return "failed " + failed() + ", skipped " + skipped() + ", passed " + passed().size();
  }
}
