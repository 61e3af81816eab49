@org.jspecify.annotations.NullMarked
package io.mystaff.spring.web;
