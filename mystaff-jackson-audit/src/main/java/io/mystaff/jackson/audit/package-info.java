/** The audit JSON codec in Microsoft Graph's directoryAudit shape. */
package io.mystaff.jackson.audit;
