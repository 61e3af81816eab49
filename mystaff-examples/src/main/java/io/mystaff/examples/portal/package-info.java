/**
 * The sample HR portal: a small Spring Boot application that embeds mystaff-spring-boot-starter
 * with form login for the people of {@code retail.json}.
 */
@org.jspecify.annotations.NullMarked
package io.mystaff.examples.portal;
