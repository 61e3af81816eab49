package io.mystaff.testkit.contract;

import io.mystaff.spi.ApprovalStore;
import java.util.List;

/**
 * The contract suite of an {@link ApprovalStore}: a request is stored once and read back as stored;
 * it moves only along {@link io.mystaff.api.approval.ApprovalState}'s transitions, each a
 * compare-and-set that exactly one of any number of racing threads wins; it expires exactly at its
 * expiry, once, also when several nodes expire at once; the pending requests page in request order,
 * each once, also while requests are decided between pages; and unknown requests, duplicates,
 * illegal moves and foreign cursors are typed errors that change nothing.
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer approvalStoreContract() {
 *   return ApprovalStoreTestSuiteBuilder
 *       .using(tenant -> AcmeApprovalStore.createTemporary())
 *       .named("Acme approvals")
 *       .build();
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public final class ApprovalStoreTestSuiteBuilder
    extends ContractSuiteBuilder<
        ApprovalStoreTestSuiteBuilder, ApprovalStore, ApprovalStoreFeature> {

  private ApprovalStoreTestSuiteBuilder(SubjectFactory<? extends ApprovalStore> factory) {
    super("ApprovalStore", ApprovalStoreFeature.class, factory);
  }

  /**
   * A suite over stores made by {@code factory} (which may ignore the tenant), a new empty store
   * per call.
   */
  public static ApprovalStoreTestSuiteBuilder using(
      SubjectFactory<? extends ApprovalStore> factory) {
    return new ApprovalStoreTestSuiteBuilder(factory);
  }

  @Override
  List<Law<ApprovalStore, ApprovalStoreFeature>> laws() {
    return ApprovalStoreLaws.ALL;
  }
}
