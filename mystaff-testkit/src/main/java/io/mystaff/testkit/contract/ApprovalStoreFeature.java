package io.mystaff.testkit.contract;

/**
 * Optional features of an {@link io.mystaff.spi.ApprovalStore}, for {@link
 * ApprovalStoreTestSuiteBuilder}. There are none: every law states a promise each store keeps
 * (legal transitions only, one winner under races, exact expiry, paging, typed errors), so each
 * must pass.
 *
 * @since 0.2.0
 */
public enum ApprovalStoreFeature {}
