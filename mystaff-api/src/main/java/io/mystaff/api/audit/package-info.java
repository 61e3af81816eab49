/**
 * Audit events in the shape of Microsoft Graph's directoryAudit.
 *
 * <p>The Java serialized forms of its types are not part of the API.
 *
 * @serial exclude
 */
@NullMarked
package io.mystaff.api.audit;

import org.jspecify.annotations.NullMarked;
