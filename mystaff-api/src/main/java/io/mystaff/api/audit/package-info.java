/** Audit events in the shape of Microsoft Graph's directoryAudit. */
package io.mystaff.api.audit;
