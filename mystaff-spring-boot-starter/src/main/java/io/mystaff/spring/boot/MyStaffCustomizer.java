package io.mystaff.spring.boot;

import io.mystaff.core.MyStaff;

/**
 * Adjusts the {@link MyStaff.Builder} the starter configured from the host's beans and the {@code
 * mystaff.*} properties, just before it builds: password policies, a conditional access hook, the
 * random source, settings the properties do not cover. Every bean of this type is applied, in
 * {@code @Order}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MyStaffCustomizer {
  /**
   * Adjusts {@code builder}.
   *
   * @param builder the builder, with the providers and settings already set
   */
  void customize(MyStaff.Builder builder);
}
