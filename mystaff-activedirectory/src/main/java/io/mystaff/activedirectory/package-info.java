/**
 * mystaff's Active Directory provider: {@link io.mystaff.activedirectory.ActiveDirectoryWriteback}
 * writes synced users' passwords back over LDAPS (or StartTLS) as a delegated service account, and
 * {@link io.mystaff.activedirectory.ActiveDirectoryPolicySource} reads the domain's (or a user's
 * fine-grained) password policy. Both share one {@link
 * io.mystaff.activedirectory.ActiveDirectoryConnection}, a health-checked connection pool.
 */
@NullMarked
package io.mystaff.activedirectory;

import org.jspecify.annotations.NullMarked;
