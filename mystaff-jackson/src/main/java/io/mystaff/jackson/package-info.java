/**
 * Jackson 3 support for mystaff's public values and results: {@link
 * io.mystaff.jackson.MyStaffJacksonModule}.
 */
@NullMarked
package io.mystaff.jackson;

import org.jspecify.annotations.NullMarked;
