/**
 * Jackson 3 support for mystaff's public values and results: {@link
 * io.mystaff.jackson.MyStaffJacksonModule}.
 */
package io.mystaff.jackson;
