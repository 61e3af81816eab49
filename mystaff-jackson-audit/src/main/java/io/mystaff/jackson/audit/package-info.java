/** The audit JSON codec in Microsoft Graph's directoryAudit shape. */
@NullMarked
package io.mystaff.jackson.audit;

import org.jspecify.annotations.NullMarked;
