/** Audit event construction and the JSON codec in Microsoft Graph's directoryAudit shape. */
package io.mystaff.core.audit;
