/**
 * Password policies and the temporary password generator.
 *
 * <ul>
 *   <li>{@link io.mystaff.core.password.EntraPasswordPolicy}: Microsoft Entra ID's cloud policy
 *       with Password Protection (banned lists, normalization, fuzzy matching, scoring), for
 *       cloud-only users;
 *   <li>{@link io.mystaff.core.password.ActiveDirectoryPasswordPolicy}: an on-premises domain
 *       policy (length, complexity, history), for synced users whose password is written back;
 *   <li>{@link io.mystaff.core.password.TemporaryPasswordGenerator}: the one-time password shown to
 *       the manager, always accepted by the policy it is generated for;
 *   <li>{@link io.mystaff.core.password.PasswordViolations}: the message keys and arguments of
 *       every violation these policies report.
 * </ul>
 *
 * <p>Policies never put the password, or anything derived from it beyond a score, into a violation,
 * a message or a log line.
 */
@NullMarked
package io.mystaff.core.password;

import org.jspecify.annotations.NullMarked;
