package io.mystaff.testkit.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a class that runs a contract suite against a deliberately broken provider. Such a class is
 * meant to fail, so it runs only inside {@link SuiteRun} (which sets {@value #KEY}); an IDE or
 * build that discovers it on its own reports it as disabled, naming the test that launches it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SelfTestOnly.Condition.class)
@interface SelfTestOnly {
  String KEY = "mystaff.testkit.selfTest";

  /** Runs the class only when launched with {@value #KEY}{@code =true}. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean launched =
          context.getConfigurationParameter(KEY).map(Boolean::parseBoolean).orElse(false);
      return launched
          ? ConditionEvaluationResult.enabled("launched by a contract self-test")
          : ConditionEvaluationResult.disabled(
              "a broken provider, meant to fail; run by the enclosing *Test class");
    }
  }
}
