package io.mystaff.testkit.contract;

import io.mystaff.testkit.fixtures.Tenant;

/**
 * Makes a fresh subject for one contract test, seeded with a testkit {@link Tenant}: the vendor's
 * half of a contract suite. Called once or more per test; every subject it returns is closed after
 * the test if it (or, for the holder types, a part of it) is {@link AutoCloseable}.
 *
 * <p>A factory that cannot represent something the tenant holds (say, dynamic membership rules)
 * throws {@link io.mystaff.api.CapabilityNotSupportedException}; tests that need it are then
 * reported as skipped, unless the builder was told the provider has that feature.
 *
 * @param <S> what the suite tests
 */
@FunctionalInterface
public interface SubjectFactory<S> {
  /**
   * A new subject holding exactly {@code tenant}'s contents, sharing no state with earlier ones.
   */
  S create(Tenant tenant) throws Exception;
}
