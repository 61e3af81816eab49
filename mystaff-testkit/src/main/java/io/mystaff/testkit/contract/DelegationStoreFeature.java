package io.mystaff.testkit.contract;

/**
 * Optional features of an {@link io.mystaff.spi.DelegationStore}, for {@link
 * DelegationStoreTestSuiteBuilder}. There are none: every law states a promise each store keeps
 * (round trip, revoke once, exact windows, typed answers for unknown ids), so each must pass.
 *
 * @since 0.2.0
 */
public enum DelegationStoreFeature {}
