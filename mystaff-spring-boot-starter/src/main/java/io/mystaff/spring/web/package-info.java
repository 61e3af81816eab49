/** The manager's REST API, its RFC 9457 problem details and the My Staff page. */
@org.jspecify.annotations.NullMarked
package io.mystaff.spring.web;
