/**
 * Four-eyes approvals: a change that the host's approval policy covers is not made when a manager
 * asks for it but becomes an {@link io.mystaff.api.approval.ApprovalRequest}, which another manager
 * approves (and so executes) or rejects, or which expires. The state lives in an {@link
 * io.mystaff.spi.ApprovalStore}.
 *
 * <p>The Java serialized forms of its types are not part of the API.
 *
 * @serial exclude
 */
@NullMarked
package io.mystaff.api.approval;

import org.jspecify.annotations.NullMarked;
