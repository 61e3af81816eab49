package io.mystaff.testkit.contract;

import io.mystaff.spi.DelegationStore;
import java.util.List;

/**
 * The contract suite of a {@link DelegationStore}: a delegation is stored once and read back as
 * stored; a revocation succeeds exactly once, also under racing threads, and a revoked delegation
 * is neither found nor active; a delegation is active exactly in [from, until) and only for its
 * deputy; unknown ids and duplicates are typed answers that change nothing.
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer delegationStoreContract() {
 *   return DelegationStoreTestSuiteBuilder
 *       .using(tenant -> AcmeDelegationStore.createTemporary())
 *       .named("Acme delegations")
 *       .build();
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public final class DelegationStoreTestSuiteBuilder
    extends ContractSuiteBuilder<
        DelegationStoreTestSuiteBuilder, DelegationStore, DelegationStoreFeature> {

  private DelegationStoreTestSuiteBuilder(SubjectFactory<? extends DelegationStore> factory) {
    super("DelegationStore", DelegationStoreFeature.class, factory);
  }

  /**
   * A suite over stores made by {@code factory} (which may ignore the tenant), a new empty store
   * per call.
   *
   * @param factory makes a new, empty store per call
   * @return the builder
   */
  public static DelegationStoreTestSuiteBuilder using(
      SubjectFactory<? extends DelegationStore> factory) {
    return new DelegationStoreTestSuiteBuilder(factory);
  }

  @Override
  List<Law<DelegationStore, DelegationStoreFeature>> laws() {
    return DelegationStoreLaws.ALL;
  }
}
