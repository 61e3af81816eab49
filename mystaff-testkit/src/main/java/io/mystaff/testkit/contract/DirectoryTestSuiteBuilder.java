package io.mystaff.testkit.contract;

import io.mystaff.spi.Directory;
import java.util.List;

/**
 * The contract suite of {@link Directory}: lookups, unit membership, paged listings in directory
 * order, prefix searches on display names (and their words) and user principal names, role
 * assignments and the role catalog.
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer directoryContract() {
 *   return DirectoryTestSuiteBuilder.using(tenant -> AcmeDirectory.seededWith(tenant))
 *       .named("Acme LDAP")
 *       .withFeatures(DirectoryFeature.SEARCHES_UNITS)
 *       .withoutFeatures(DirectoryFeature.DYNAMIC_UNITS)
 *       .build();
 * }
 * }</pre>
 */
public final class DirectoryTestSuiteBuilder
    extends ContractSuiteBuilder<DirectoryTestSuiteBuilder, Directory, DirectoryFeature> {

  private DirectoryTestSuiteBuilder(SubjectFactory<? extends Directory> factory) {
    super("Directory", DirectoryFeature.class, factory);
  }

  /** A suite over directories made by {@code factory}, one per tenant it is given. */
  public static DirectoryTestSuiteBuilder using(SubjectFactory<? extends Directory> factory) {
    return new DirectoryTestSuiteBuilder(factory);
  }

  @Override
  List<Law<Directory, DirectoryFeature>> laws() {
    return Laws.concat(DirectoryLaws.ALL, DirectoryFidelityLaws.ALL, DirectoryDifferentialLaw.ALL);
  }
}
