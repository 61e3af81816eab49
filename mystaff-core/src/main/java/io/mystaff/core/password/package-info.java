/** Password policies (Entra cloud, on-premises Active Directory) and the temporary password generator. */
package io.mystaff.core.password;
