/**
 * Jackson 2 support for mystaff's public values and results: {@link
 * io.mystaff.jackson2.MyStaffJackson2Module}.
 */
@NullMarked
package io.mystaff.jackson2;

import org.jspecify.annotations.NullMarked;
