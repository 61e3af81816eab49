package io.mystaff.tests.workflows;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.directory.User;
import io.mystaff.spi.Directory;
import io.mystaff.spi.ForwardingDirectory;

/**
 * A directory that cannot list all of its users: it forwards every method to another directory
 * except {@link Directory#allUsers}, which fails as the interface's default does.
 */
final class UnitsOnlyDirectory extends ForwardingDirectory {
  UnitsOnlyDirectory(Directory delegate) {
    super(delegate);
  }

  @Override
  public Page<User> allUsers(PageRequest page) {
    throw new CapabilityNotSupportedException(
        "organization-wide user listing", "This directory cannot list all of its users.");
  }
}
