/**
 * Users, administrative units and phone methods as the directory holds them.
 *
 * <p>The Java serialized forms of its types are not part of the API.
 *
 * @serial exclude
 */
@NullMarked
package io.mystaff.api.directory;

import org.jspecify.annotations.NullMarked;
