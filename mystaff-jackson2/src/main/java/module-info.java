/**
 * Jackson 2 twin of mystaff-jackson's module: {@link io.mystaff.jackson2.MyStaffJackson2Module},
 * for hosts still on Jackson 2 ({@code com.fasterxml.jackson}).
 */
@SuppressWarnings("module") // the name says which Jackson line, like its artifact id
module io.mystaff.jackson2 {
  requires transitive io.mystaff.api;
  requires transitive io.mystaff.core;
  requires io.mystaff.jackson.audit;
  requires transitive com.fasterxml.jackson.databind;
  requires static org.jspecify;

  exports io.mystaff.jackson2;
}
