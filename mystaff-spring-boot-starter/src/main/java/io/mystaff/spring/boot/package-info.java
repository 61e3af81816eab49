/** Spring Boot auto-configuration of mystaff: the {@code mystaff.*} properties and the beans. */
@org.jspecify.annotations.NullMarked
package io.mystaff.spring.boot;
