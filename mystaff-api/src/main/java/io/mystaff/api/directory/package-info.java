/** Users, administrative units and phone methods as the directory holds them. */
package io.mystaff.api.directory;
