/** Jakarta Bean Validation constraints that apply mystaff's own input rules. */
module io.mystaff.validation {
  requires transitive io.mystaff.api;
  requires io.mystaff.core;
  requires transitive jakarta.validation;
  requires static org.jspecify;

  exports io.mystaff.validation;
}
